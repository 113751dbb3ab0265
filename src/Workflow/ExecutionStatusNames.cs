namespace StepOrders.Workflow;

public static class ExecutionStatusNames
{
    public static string ToAwsName(this ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        _ => "PENDING_REDRIVE",
    };

    public static ExecutionStatus Parse(string name) => name switch
    {
        "RUNNING" => ExecutionStatus.Running,
        "SUCCEEDED" => ExecutionStatus.Succeeded,
        "FAILED" => ExecutionStatus.Failed,
        "TIMED_OUT" => ExecutionStatus.TimedOut,
        "ABORTED" => ExecutionStatus.Aborted,
        "PENDING_REDRIVE" => ExecutionStatus.PendingRedrive,
        _ => throw new WorkflowApiException(WorkflowErrorCodes.ValidationException, $"Unknown execution status '{name}'"),
    };
}
