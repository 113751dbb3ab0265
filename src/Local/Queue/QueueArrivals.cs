namespace StepOrders.Local.Queue;

/// <summary>
/// Wakes long-polling receivers when a message is committed to the queue, so an idle poller neither sleeps past a new
/// order nor spins. Free when nobody waits: the signal is made only by a waiter.
/// </summary>
internal sealed class QueueArrivals
{
    private TaskCompletionSource? _next;

    /// <summary>A task that completes at the next <see cref="Announce"/>. Take it before looking at the queue, so no arrival is missed in between.</summary>
    public Task NextAsync()
    {
        var current = Volatile.Read(ref _next);
        if (current is not null)
        {
            return current.Task;
        }
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _next, created, null) ?? created).Task;
    }

    public void Announce() => Interlocked.Exchange(ref _next, null)?.TrySetResult();
}
