using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StepOrders.Aws;
using StepOrders.Aws.Metrics;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Lambda.Runtime;

/// <summary>
/// What each invocation runs in, as Powertools Logging, Metrics and Tracing give it: an activity continuing the
/// invocation's X-Ray trace (so log lines carry its trace id, and the steps' activities descend from it), a log scope
/// with <c>requestId</c>, <c>function</c> and <c>coldStart</c> (true on the process's first invocation), and, when it
/// ends, the invocation's StepOrders measurements written to stdout as Embedded Metric Format lines, which CloudWatch
/// Logs turns into metrics (namespace StepOrders, dimensions Service, Stage and Function; a ColdStart count on the
/// first). The API function's request metrics are among them: its pipeline records them before the invocation ends.
/// </summary>
internal sealed class InvocationTelemetry : IDisposable
{
    private readonly string _function;
    private readonly EmbeddedMetricRecorder _recorder;
    private readonly TimeProvider _clock;
    private readonly TextWriter _output;
    private readonly ActivityListener _listener;
    private bool _coldStart = true;

    public InvocationTelemetry(string function, OrderMetrics metrics, TimeProvider clock, MetricsDestination destination)
    {
        _function = function;
        _recorder = new EmbeddedMetricRecorder(metrics, destination.Stage);
        _clock = clock;
        _output = destination.Output;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrderTracing.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ObservedInvocation Begin(Invocation invocation, ILogger logger)
    {
        var coldStart = _coldStart;
        _coldStart = false;
        if (coldStart)
        {
            _recorder.Count("ColdStart");
        }
        var activity = OrderTracing.Source.StartActivity(_function, ActivityKind.Server, XRayTraceHeader.Parse(invocation.TraceId));
        var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["requestId"] = invocation.RequestId,
            [OrderLogScope.FunctionField] = _function,
            ["coldStart"] = coldStart,
        });
        return new ObservedInvocation(this, invocation.RequestId, coldStart, activity, scope);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _recorder.Dispose();
    }

    private void Flush(string requestId, bool coldStart)
    {
        foreach (var line in _recorder.Drain(_function, _clock.GetUtcNow(), [new("requestId", requestId), new("coldStart", coldStart)]))
        {
            _output.WriteLine(line);
        }
        _output.Flush();
    }

    /// <summary>One invocation's activity and scope; disposing it writes the invocation's metrics.</summary>
    public sealed class ObservedInvocation(InvocationTelemetry telemetry, string requestId, bool coldStart, Activity? activity, IDisposable? scope) : IDisposable
    {
        public void Failed(string errorType) => activity?.SetStatus(ActivityStatusCode.Error, errorType);

        public void Dispose()
        {
            telemetry.Flush(requestId, coldStart);
            scope?.Dispose();
            activity?.Dispose();
        }
    }
}
