namespace StepOrders.Workflow;

/// <summary>DescribeExecution's answer (ListExecutions items are the same minus input and output).</summary>
public sealed record ExecutionDescription(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    ExecutionStatus Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string? Input,
    string? Output,
    string? Error,
    string? Cause,
    int RedriveCount,
    DateTimeOffset? RedriveDate)
{
    /// <summary>REDRIVABLE for FAILED, TIMED_OUT and ABORTED executions, else NOT_REDRIVABLE.</summary>
    public string RedriveStatus => Status is ExecutionStatus.Failed or ExecutionStatus.TimedOut or ExecutionStatus.Aborted
        ? "REDRIVABLE"
        : "NOT_REDRIVABLE";
}
