namespace StepOrders.Workflow.Tasks;

/// <summary>Which execution, state and attempt a handler call is for.</summary>
public sealed record TaskContext(
    string ExecutionArn,
    string ExecutionName,
    string StateMachineArn,
    string StateName,
    string Resource,
    int RetryCount)
{
    internal TaskHeartbeat? Heartbeats { get; init; }

    /// <summary>
    /// Tells the runtime the task is still alive (SendTaskHeartbeat). When the Task state sets HeartbeatSeconds,
    /// a handler that runs longer must call this at least that often, or the task fails with States.HeartbeatTimeout.
    /// </summary>
    public void Heartbeat() => Heartbeats?.Beat();
}
