using StepOrders.Local.Telemetry.Metrics;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Local.Telemetry.Alarms;

/// <summary>
/// What the alarms read, as running totals taken at one evaluation; the difference of two samples is what happened
/// between them, as Prometheus' <c>increase()</c> works, so the hot path keeps no window of its own.
/// </summary>
internal sealed record MetricSample(
    DateTimeOffset At, double OrdersCompleted, double OrdersFailed, double ApiRequests, double SlowApiRequests, double FailedApiRequests,
    double ExecutionsFailed)
{
    /// <summary>The latency alarm's bound: a request slower than this is one of the slowest 1% when p99 is over it.</summary>
    public const double SlowRequestSeconds = 3;

    private static readonly int SlowBucket = IndexOf(OrderMetrics.BucketBounds, SlowRequestSeconds);

    public static MetricSample From(DateTimeOffset at, IReadOnlyList<MetricFamily> families)
    {
        var requests = Family(families, OrderMetrics.Names.ApiRequestDuration)?.Series ?? [];
        return new MetricSample(
            at,
            Family(families, OrderMetrics.Names.OrdersCompleted)?.Total() ?? 0,
            Family(families, OrderMetrics.Names.OrdersFailed)?.Total() ?? 0,
            requests.Sum(series => series.Count),
            requests.Sum(series => series.Count - series.CumulativeBuckets[SlowBucket]),
            requests.Where(series => series.Label(OrderMetrics.Tags.StatusCode)?.StartsWith('5') == true).Sum(series => series.Count),
            Family(families, OrderMetrics.Names.ExecutionsClosed)?.Total(series => series.Label(OrderMetrics.Tags.Status) == "FAILED") ?? 0);
    }

    /// <summary>What happened since <paramref name="earlier"/>.</summary>
    public MetricSample Since(MetricSample earlier) => new(
        At,
        OrdersCompleted - earlier.OrdersCompleted,
        OrdersFailed - earlier.OrdersFailed,
        ApiRequests - earlier.ApiRequests,
        SlowApiRequests - earlier.SlowApiRequests,
        FailedApiRequests - earlier.FailedApiRequests,
        ExecutionsFailed - earlier.ExecutionsFailed);

    public static MetricFamily? Family(IReadOnlyList<MetricFamily> families, string name) =>
        families.FirstOrDefault(family => family.Name == name);

    private static int IndexOf(IReadOnlyList<double> bounds, double bound)
    {
        for (var i = 0; i < bounds.Count; i++)
        {
            if (bounds[i] == bound)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"{bound} s is not a bucket bound of the StepOrders histograms.");
    }
}

/// <summary>What the rules see at one evaluation: the window's increases, and the dead letters now.</summary>
internal sealed record AlarmInputs(MetricSample Window, double DeadLetters, TimeSpan WindowLength)
{
    public string Span => WindowLength.TotalMinutes >= 1 ? $"{WindowLength.TotalMinutes:0.#} min" : $"{WindowLength.TotalSeconds:0.#} s";
}
