using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Storage;

/// <summary>
/// What one execution appends in one go: new history events, its checkpoint after them and, when it
/// changes, its status. Appends of one execution are applied in order.
/// </summary>
internal sealed record ExecutionUpdate
{
    public required long ExecutionId { get; init; }

    public required IReadOnlyList<HistoryEvent> Events { get; init; }

    public required long LastEventId { get; init; }

    public required string Checkpoint { get; init; }

    /// <summary>Set when the status changes (terminal, or RUNNING again after a redrive), with the fields below.</summary>
    public ExecutionStatus? Status { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    public int RedriveCount { get; init; }

    public DateTimeOffset? RedriveDate { get; init; }
}
