using System.Diagnostics;

namespace StepOrders.Aws;

/// <summary>
/// The X-Ray trace header (<c>Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1</c>) as a W3C
/// trace context and back, as OpenTelemetry's X-Ray propagator maps them: the trace id is the root's 8 hex digits of
/// epoch seconds followed by its 24 unique ones; the parent is the span id. Lambda passes the header to each
/// invocation; StartExecution takes one as <c>traceHeader</c>, so an order's trace goes on through Step Functions.
/// </summary>
public static class XRayTraceHeader
{
    public static ActivityContext Parse(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return default;
        }
        string? root = null, parent = null;
        var sampled = false;
        foreach (var part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var (key, value) = (part[..equals], part[(equals + 1)..]);
            switch (key)
            {
                case "Root":
                    root = value;
                    break;
                case "Parent":
                    parent = value;
                    break;
                case "Sampled":
                    sampled = value == "1";
                    break;
            }
        }
        if (root is not { Length: 35 } || !root.StartsWith("1-", StringComparison.Ordinal) || root[10] != '-' || parent is not { Length: 16 })
        {
            return default;
        }
        var traceParent = $"00-{root[2..10]}{root[11..]}-{parent}-{(sampled ? "01" : "00")}";
        return ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
    }

    public static string? Format(ActivityContext context)
    {
        if (context == default)
        {
            return null;
        }
        var trace = context.TraceId.ToHexString();
        var sampled = context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "1" : "0";
        return $"Root=1-{trace[..8]}-{trace[8..]};Parent={context.SpanId.ToHexString()};Sampled={sampled}";
    }
}
