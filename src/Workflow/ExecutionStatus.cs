namespace StepOrders.Workflow;

/// <summary>An execution's status; <see cref="ExecutionStatusNames"/> gives AWS's spelling (<c>TIMED_OUT</c>).</summary>
public enum ExecutionStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
    PendingRedrive,
}
