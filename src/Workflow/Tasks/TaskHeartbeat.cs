namespace StepOrders.Workflow.Tasks;

/// <summary>ASL: HeartbeatSeconds — completes <see cref="Expired"/> when no heartbeat came for that long.</summary>
internal sealed class TaskHeartbeat : IDisposable
{
    private readonly TimeSpan interval;
    private readonly ITimer timer;
    private readonly TaskCompletionSource expired = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskHeartbeat(TimeProvider time, TimeSpan interval)
    {
        this.interval = interval;
        timer = time.CreateTimer(_ => expired.TrySetResult(), null, interval, Timeout.InfiniteTimeSpan);
    }

    public Task Expired => expired.Task;

    public void Beat() => timer.Change(interval, Timeout.InfiniteTimeSpan);

    public void Dispose() => timer.Dispose();
}
