using System.Globalization;
using System.Text;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Local.Telemetry.Metrics;

/// <summary>
/// The Prometheus text exposition format, version 0.0.4: a HELP and a TYPE line per instrument, then its samples.
/// Names as OpenTelemetry's Prometheus exporter writes them: dots become underscores, a unit of seconds adds
/// <c>_seconds</c>, a counter ends in <c>_total</c>; a histogram has <c>_bucket{le=…}</c> (cumulative, ending at
/// <c>+Inf</c>), <c>_sum</c> and <c>_count</c>.
/// </summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families.OrderBy(family => family.Name, StringComparer.Ordinal))
        {
            var name = NameOf(family);
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Description ?? "")).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(family.Kind switch
            {
                MetricKind.Counter => "counter",
                MetricKind.Histogram => "histogram",
                _ => "gauge",
            }).Append('\n');
            if (family.Series.Count == 0 && family.Kind == MetricKind.Counter)
            {
                Sample(text, name, [], 0);
            }
            foreach (var series in family.Series)
            {
                if (family.Kind != MetricKind.Histogram)
                {
                    Sample(text, name, series.Labels, series.Value);
                    continue;
                }
                for (var i = 0; i < series.CumulativeBuckets.Count; i++)
                {
                    var le = i < OrderMetrics.BucketBounds.Count ? Number(OrderMetrics.BucketBounds[i]) : "+Inf";
                    Sample(text, name + "_bucket", [.. series.Labels, new("le", le)], series.CumulativeBuckets[i]);
                }
                Sample(text, name + "_sum", series.Labels, series.Sum);
                Sample(text, name + "_count", series.Labels, series.Count);
            }
        }
        return text.ToString();
    }

    /// <summary><c>steporders.step.duration</c> in seconds → <c>steporders_step_duration_seconds</c>; a counter gets <c>_total</c>.</summary>
    public static string NameOf(MetricFamily family)
    {
        var name = new StringBuilder(family.Name.Length + 16);
        foreach (var c in family.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || c == ':' ? c : '_');
        }
        if (family.Unit == "s")
        {
            name.Append("_seconds");
        }
        if (family.Kind == MetricKind.Counter)
        {
            name.Append("_total");
        }
        return name.ToString();
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, double value)
    {
        text.Append(name);
        if (labels.Count > 0)
        {
            text.Append('{');
            for (var i = 0; i < labels.Count; i++)
            {
                text.Append(i == 0 ? "" : ",").Append(labels[i].Key).Append("=\"").Append(EscapeLabel(labels[i].Value)).Append('"');
            }
            text.Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeLabel(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
