namespace StepOrders.Workflow.History;

/// <summary>
/// One event of an execution's history (GetExecutionHistory's HistoryEvent). The type-specific
/// <c>…EventDetails</c> fields are flattened here; <see cref="HistoryEventJson"/> writes them in AWS's shape.
/// Input and Output are JSON text, as AWS returns them.
/// </summary>
public sealed record HistoryEvent
{
    /// <remarks>Id, PreviousEventId and Timestamp are set by the execution as it records the event, in place: a copy per event was a sixth of a run's allocations.</remarks>
    public long Id { get; internal set; }

    public long PreviousEventId { get; internal set; }

    public DateTimeOffset Timestamp { get; internal set; }

    public required HistoryEventType Type { get; init; }

    /// <summary>The state's name (state events) or the iteration's name (Map iterations).</summary>
    public string? Name { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public string? ResourceType { get; init; }

    public string? Resource { get; init; }

    public string? Region { get; init; }

    /// <summary>TaskScheduled: the effective parameters, as JSON text.</summary>
    public string? Parameters { get; init; }

    public long? TimeoutInSeconds { get; init; }

    public long? HeartbeatInSeconds { get; init; }

    public string? RoleArn { get; init; }

    public int? RedriveCount { get; init; }

    public int? Index { get; init; }

    public int? Length { get; init; }

    /// <summary>StateExited: the variables the state assigned, as a JSON object of names to each value's JSON text.</summary>
    public string? AssignedVariables { get; init; }
}
