namespace StepOrders.Workflow.States;

/// <summary>ASL: Retrying after error. Defaults from the spec: 1 s, 3 attempts, rate 2.0, no jitter.</summary>
public sealed record Retrier
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public int IntervalSeconds { get; init; } = 1;

    public int MaxAttempts { get; init; } = 3;

    public double BackoffRate { get; init; } = 2.0;

    public int? MaxDelaySeconds { get; init; }

    public JitterStrategy JitterStrategy { get; init; } = JitterStrategy.None;

    /// <summary>
    /// The wait before retry number <paramref name="retryIndex"/> (0 for the first retry):
    /// IntervalSeconds × BackoffRate^retryIndex, capped by MaxDelaySeconds; FULL jitter scales it by
    /// <paramref name="jitter"/> in [0, 1).
    /// </summary>
    public TimeSpan DelayBefore(int retryIndex, double jitter)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, retryIndex);
        if (MaxDelaySeconds is { } max)
        {
            seconds = Math.Min(seconds, max);
        }

        if (JitterStrategy == JitterStrategy.Full)
        {
            seconds *= jitter;
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
    }
}
