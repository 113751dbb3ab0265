using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace StepOrders.Workflow.History;

/// <summary>
/// One event of an execution's history (GetExecutionHistory's HistoryEvent). The type-specific
/// <c>…EventDetails</c> fields are flattened here; <see cref="HistoryEventJson"/> writes them in AWS's shape.
/// Input, Output and Parameters are JSON text, as AWS returns them.
/// </summary>
/// <remarks>
/// Most events carry a name and a payload at most; the fields only some types have (task, error, Map and redrive
/// details) are held apart and allocated only for those events (an event with all of them was 200 bytes, a fifth of
/// what an execution allocated). The interpreter records payloads as the UTF-8 it serialized them to; they become
/// strings only when read (<see cref="Input"/> …), while storage and the API write the UTF-8 as it is.
/// </remarks>
public sealed record HistoryEvent
{
    private object? input;
    private object? output;
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
        input = original.input;
        output = original.output;
        details = original.details?.Copy();
    }

    /// <remarks>Id, PreviousEventId and Timestamp are set by the execution as it records the event, in place: a copy per event was a sixth of a run's allocations.</remarks>
    public long Id { get; internal set; }

    public long PreviousEventId { get; internal set; }

    public DateTimeOffset Timestamp { get; internal set; }

    public required HistoryEventType Type { get; init; }

    /// <summary>The state's name (state events) or the iteration's name (Map iterations).</summary>
    public string? Name { get; init; }

    public string? Input
    {
        get => Text(input);
        init => input = value;
    }

    public string? Output
    {
        get => Text(output);
        init => output = value;
    }

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
        get => Text(details?.Parameters);
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

    /// <summary>Input as UTF-8, when it was recorded so.</summary>
    internal byte[]? InputUtf8
    {
        get => input as byte[];
        init => input = value;
    }

    /// <summary>Output as UTF-8, when it was recorded so.</summary>
    internal byte[]? OutputUtf8
    {
        get => output as byte[];
        init => output = value;
    }

    /// <summary>Parameters as UTF-8, when they were recorded so.</summary>
    internal byte[]? ParametersUtf8
    {
        get => details?.Parameters as byte[];
        init => Detail(value)?.Parameters = value;
    }

    /// <summary>Equal when every field reads the same, whether its text is held as a string or as UTF-8.</summary>
    public bool Equals(HistoryEvent? other) =>
        other is not null
        && Id == other.Id && PreviousEventId == other.PreviousEventId && Timestamp.Equals(other.Timestamp) && Type == other.Type
        && Name == other.Name && Input == other.Input && Output == other.Output && Error == other.Error && Cause == other.Cause
        && ResourceType == other.ResourceType && Resource == other.Resource && Region == other.Region && Parameters == other.Parameters
        && TimeoutInSeconds == other.TimeoutInSeconds && HeartbeatInSeconds == other.HeartbeatInSeconds && RoleArn == other.RoleArn
        && RedriveCount == other.RedriveCount && Index == other.Index && Length == other.Length
        && AssignedVariables == other.AssignedVariables;

    public override int GetHashCode() => HashCode.Combine(Id, PreviousEventId, Timestamp, Type, Name);

    private static string? Text(object? text) => text as string ?? (text is byte[] utf8 ? Encoding.UTF8.GetString(utf8) : null);

    /// <summary>The details to set a value in: none for a null value when there are none yet.</summary>
    private Details? Detail<T>(T value) => value is null && details is null ? null : details ??= new Details();

    private sealed class Details
    {
        public string? Error { get; set; }

        public string? Cause { get; set; }

        public string? ResourceType { get; set; }

        public string? Resource { get; set; }

        public string? Region { get; set; }

        /// <summary>A string or its UTF-8 bytes.</summary>
        public object? Parameters { get; set; }

        public long? TimeoutInSeconds { get; set; }

        public long? HeartbeatInSeconds { get; set; }

        public string? RoleArn { get; set; }

        public int? RedriveCount { get; set; }

        public int? Index { get; set; }

        public int? Length { get; set; }

        public string? AssignedVariables { get; set; }

        public Details Copy() => (Details)MemberwiseClone();
    }
}
