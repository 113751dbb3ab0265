namespace StepOrders.Workflow.Storage;

/// <summary>An execution as stored: what DescribeExecution shows, plus the interpreter's checkpoint.</summary>
internal sealed record ExecutionRow
{
    public long Id { get; init; }

    public required string Arn { get; init; }

    public required string Name { get; init; }

    public required string StateMachineArn { get; init; }

    public ExecutionStatus Status { get; init; }

    public required string Input { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    public int RedriveCount { get; init; }

    public DateTimeOffset? RedriveDate { get; init; }

    public long LastEventId { get; init; }

    /// <summary>The interpreter's position (<see cref="Execution.Checkpoint"/>) as JSON.</summary>
    public string? Checkpoint { get; init; }

    public ExecutionDescription Describe() => new(
        Arn, StateMachineArn, Name, Status, StartDate, StopDate, Input, Output, Error, Cause, RedriveCount, RedriveDate);
}
