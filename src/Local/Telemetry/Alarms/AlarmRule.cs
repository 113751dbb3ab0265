using System.Globalization;

namespace StepOrders.Local.Telemetry.Alarms;

/// <summary>One alarm: its name (the CDK stack's alarm of the same rule has the same id), what it watches, and its test.</summary>
internal sealed record AlarmRule(string Name, string Description, double Threshold, Func<AlarmInputs, AlarmReading> Read)
{
    /// <summary>
    /// The rules of the CloudWatch alarms in <c>cdk/OrderAlarms.cs</c>, evaluated in-process. Over a threshold means
    /// ALARM; no data is not breaching (CloudWatch's TreatMissingData NOT_BREACHING).
    /// </summary>
    public static IReadOnlyList<AlarmRule> All { get; } =
    [
        new("OrderErrorRate", "More than 1% of the orders that reached a final status in the window failed.", 1, inputs =>
        {
            var (failed, final) = (inputs.Window.OrdersFailed, inputs.Window.OrdersCompleted + inputs.Window.OrdersFailed);
            var percent = final > 0 ? 100 * failed / final : 0;
            return new(percent, percent > 1, Invariant($"{failed} of {final} orders failed ({percent:0.##}%) in {inputs.Span}"));
        }),
        new("ApiLatencyP99", "The API p99 latency was over 3 s in the window.", MetricSample.SlowRequestSeconds, inputs =>
        {
            var (slow, all) = (inputs.Window.SlowApiRequests, inputs.Window.ApiRequests);
            // p99 is over 3 s exactly when more than 1% of the requests took longer than 3 s (3 s is a bucket bound).
            var breaching = all > 0 && slow * 100 > all;
            return new(all > 0 ? 100 * slow / all : 0, breaching,
                Invariant($"{slow} of {all} requests took over {MetricSample.SlowRequestSeconds} s in {inputs.Span}{(breaching ? ": p99 is over it" : "")}"));
        }),
        new("ApiServerErrorRate", "More than 1% of the API's requests were answered with a 5xx in the window.", 1, inputs =>
        {
            var (failed, all) = (inputs.Window.FailedApiRequests, inputs.Window.ApiRequests);
            var percent = all > 0 ? 100 * failed / all : 0;
            return new(percent, percent > 1, Invariant($"{failed} of {all} requests answered 5xx ({percent:0.##}%) in {inputs.Span}"));
        }),
        new("DeadLettersNotEmpty", "Order messages are in the dead-letter queue: list them (GET /admin/dead-letters) and redrive them.", 0, inputs =>
            new(inputs.DeadLetters, inputs.DeadLetters > 0, Invariant($"{inputs.DeadLetters} messages in the dead-letter queue"))),
        new("ExecutionsFailed", "Order workflow executions failed in the window.", 0, inputs =>
            new(inputs.Window.ExecutionsFailed, inputs.Window.ExecutionsFailed > 0, Invariant($"{inputs.Window.ExecutionsFailed} executions failed in {inputs.Span}"))),
    ];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A rule's reading: the value it compares, whether it breaches, and why, in words.</summary>
internal readonly record struct AlarmReading(double Value, bool Breaching, string Reason);
