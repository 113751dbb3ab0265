namespace StepOrders.Local.Telemetry.Stats;

/// <summary>
/// <c>GET /admin/stats?window=1h</c>. <c>successRate</c> is completed / (completed + failed), null while none is final;
/// <c>revenue</c> maps a currency to the total of its completed orders; latencies are in milliseconds; <c>steps</c>
/// is the time spent in each step (StartOrderWorkflow: queued until the first step).
/// </summary>
internal sealed record StatsReport(
    double WindowSeconds,
    DateTimeOffset From,
    DateTimeOffset To,
    string Source,
    OrderCounts Orders,
    double OrdersPerHour,
    double? SuccessRate,
    IReadOnlyDictionary<string, decimal> Revenue,
    Latency EndToEnd,
    IReadOnlyList<StepLatency> Steps,
    IReadOnlyList<FailureReason> TopFailures);

/// <summary>Orders placed in the window, and where they are now.</summary>
internal sealed record OrderCounts(int Placed, int Completed, int Failed, int InProgress);

internal sealed record Latency(int Count, double? P50Ms, double? P99Ms)
{
    public static Latency Of(List<double> millis)
    {
        millis.Sort();
        return new Latency(millis.Count, Percentile(millis, 0.50), Percentile(millis, 0.99));
    }

    /// <summary>Nearest rank: the smallest value with at least that share of the values at or below it.</summary>
    private static double? Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)], 3);
}

internal sealed record StepLatency(string Step, int Count, double? P50Ms, double? P99Ms)
{
    public static StepLatency Of(string step, List<double> millis)
    {
        var latency = Latency.Of(millis);
        return new StepLatency(step, latency.Count, latency.P50Ms, latency.P99Ms);
    }
}

internal sealed record FailureReason(string Step, string Error, int Count);
