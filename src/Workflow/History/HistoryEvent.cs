using System.Diagnostics.CodeAnalysis;

namespace StepOrders.Workflow.History;

/// <summary>
/// One event of an execution's history (GetExecutionHistory's HistoryEvent). The type-specific
/// <c>…EventDetails</c> fields are flattened here; <see cref="HistoryEventJson"/> writes them in AWS's shape.
/// Input and Output are JSON text, as AWS returns them.
/// </summary>
/// <remarks>
/// Most events carry a name and a payload at most; the fields only some types have (task, error, Map and redrive
/// details) are held apart and allocated only for those events. An event with all of them was 200 bytes, a fifth of
/// what an execution allocated.
/// </remarks>
public sealed record HistoryEvent
{
    private Details? details;

    public HistoryEvent()
    {
    }

    [SetsRequiredMembers]
    private HistoryEvent(HistoryEvent original)
    {
        Id = original.Id;
        PreviousEventId = original.PreviousEventId;
        Timestamp = original.Timestamp;
        Type = original.Type;
        Name = original.Name;
        Input = original.Input;
        Output = original.Output;
        details = original.details is { } d ? d with { } : null;
    }

    /// <remarks>Id, PreviousEventId and Timestamp are set by the execution as it records the event, in place: a copy per event was a sixth of a run's allocations.</remarks>
    public long Id { get; internal set; }

    public long PreviousEventId { get; internal set; }

    public DateTimeOffset Timestamp { get; internal set; }

    public required HistoryEventType Type { get; init; }

    /// <summary>The state's name (state events) or the iteration's name (Map iterations).</summary>
    public string? Name { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? Error
    {
        get => details?.Error;
        init => Detail(value)?.Error = value;
    }

    public string? Cause
    {
        get => details?.Cause;
        init => Detail(value)?.Cause = value;
    }

    public string? ResourceType
    {
        get => details?.ResourceType;
        init => Detail(value)?.ResourceType = value;
    }

    public string? Resource
    {
        get => details?.Resource;
        init => Detail(value)?.Resource = value;
    }

    public string? Region
    {
        get => details?.Region;
        init => Detail(value)?.Region = value;
    }

    /// <summary>TaskScheduled: the effective parameters, as JSON text.</summary>
    public string? Parameters
    {
        get => details?.Parameters;
        init => Detail(value)?.Parameters = value;
    }

    public long? TimeoutInSeconds
    {
        get => details?.TimeoutInSeconds;
        init => Detail(value)?.TimeoutInSeconds = value;
    }

    public long? HeartbeatInSeconds
    {
        get => details?.HeartbeatInSeconds;
        init => Detail(value)?.HeartbeatInSeconds = value;
    }

    public string? RoleArn
    {
        get => details?.RoleArn;
        init => Detail(value)?.RoleArn = value;
    }

    public int? RedriveCount
    {
        get => details?.RedriveCount;
        init => Detail(value)?.RedriveCount = value;
    }

    public int? Index
    {
        get => details?.Index;
        init => Detail(value)?.Index = value;
    }

    public int? Length
    {
        get => details?.Length;
        init => Detail(value)?.Length = value;
    }

    /// <summary>StateExited: the variables the state assigned, as a JSON object of names to each value's JSON text.</summary>
    public string? AssignedVariables
    {
        get => details?.AssignedVariables;
        init => Detail(value)?.AssignedVariables = value;
    }

    /// <summary>The details to set a value in: none for a null value when there are none yet.</summary>
    private Details? Detail<T>(T value) => value is null && details is null ? null : details ??= new Details();

    private sealed record Details
    {
        public string? Error { get; set; }

        public string? Cause { get; set; }

        public string? ResourceType { get; set; }

        public string? Resource { get; set; }

        public string? Region { get; set; }

        public string? Parameters { get; set; }

        public long? TimeoutInSeconds { get; set; }

        public long? HeartbeatInSeconds { get; set; }

        public string? RoleArn { get; set; }

        public int? RedriveCount { get; set; }

        public int? Index { get; set; }

        public int? Length { get; set; }

        public string? AssignedVariables { get; set; }
    }
}
