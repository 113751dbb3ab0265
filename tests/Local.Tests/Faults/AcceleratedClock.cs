namespace StepOrders.Local.Tests.Faults;

/// <summary>
/// Real time run <c>factor</c> times faster: timers fire early and the clock moves on accordingly, so timeouts of
/// seconds (a Task's TimeoutSeconds, the queue's visibility timeout) pass in milliseconds while everything still
/// waits on real timers, as in production.
/// </summary>
public sealed class AcceleratedClock(double factor) : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private readonly long _startTimestamp = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromTicks((long)((System.GetUtcNow() - _start).Ticks * factor));

    public override long GetTimestamp() => _startTimestamp + (long)((System.GetTimestamp() - _startTimestamp) * factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks((long)(span.Ticks / factor));

    private sealed class ScaledTimer(ITimer timer, AcceleratedClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
