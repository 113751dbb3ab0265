namespace StepOrders.Workflow.Execution;

/// <summary>
/// Durable timers' in-memory side: one priority queue of parked runs by due time and one
/// <see cref="ITimer"/> from the <see cref="TimeProvider"/>, armed for the earliest. No thread waits per execution.
/// </summary>
internal sealed class ExecutionTimers : IDisposable
{
    private readonly Lock gate = new();
    private readonly PriorityQueue<ExecutionRun, DateTimeOffset> queue = new();
    private readonly TimeProvider time;
    private readonly Action<ExecutionRun> wake;
    private readonly ITimer timer;
    private DateTimeOffset? armedFor;

    public ExecutionTimers(TimeProvider time, Action<ExecutionRun> wake)
    {
        this.time = time;
        this.wake = wake;
        timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised with each newly armed due time (tests advance a fake clock to it).</summary>
    public event Action<DateTimeOffset>? Armed;

    public DateTimeOffset? NextDue
    {
        get
        {
            lock (gate)
            {
                return queue.TryPeek(out _, out var due) ? due : null;
            }
        }
    }

    public void Add(ExecutionRun run, DateTimeOffset due)
    {
        var now = time.GetUtcNow();
        if (due <= now)
        {
            wake(run);
            return;
        }

        bool rearm;
        lock (gate)
        {
            queue.Enqueue(run, due);
            rearm = armedFor is null || due < armedFor;
            if (rearm)
            {
                armedFor = due;
            }
        }

        if (rearm)
        {
            timer.Change(due - now, Timeout.InfiniteTimeSpan);
        }

        Armed?.Invoke(due);
    }

    private void Fire()
    {
        var ready = new List<ExecutionRun>();
        DateTimeOffset? next;
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (queue.TryPeek(out var run, out var due) && due <= now)
            {
                queue.Dequeue();
                ready.Add(run);
            }

            next = queue.TryPeek(out _, out var nextDue) ? nextDue : null;
            armedFor = next;
        }

        if (next is { } at)
        {
            timer.Change(at > now ? at - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        foreach (var run in ready)
        {
            wake(run);
        }
    }

    public void Dispose() => timer.Dispose();
}
