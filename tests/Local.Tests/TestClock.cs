using Microsoft.Extensions.Time.Testing;

namespace StepOrders.Local.Tests;

/// <summary>A fake clock that also tells when code arms a timer on it, so a test can advance time once something waits.</summary>
public sealed class TestClock() : FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero))
{
    private TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next timer is created (Task.Delay on this clock creates one).</summary>
    public Task NextTimerAsync() => Volatile.Read(ref _timerCreated).Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Exchange(ref _timerCreated, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return timer;
    }
}
