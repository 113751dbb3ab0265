using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepOrders.Aws.StepFunctions;

public sealed record GetExecutionHistoryRequest(
    string ExecutionArn,
    int? MaxResults = null,
    string? NextToken = null,
    bool? ReverseOrder = null,
    bool? IncludeExecutionData = null);

public sealed record GetExecutionHistoryResponse(IReadOnlyList<HistoryEvent> Events, string? NextToken = null);

/// <summary>
/// One history event. Each event type carries its own details object (<c>taskFailedEventDetails</c>,
/// <c>stateEnteredEventDetails</c>, …); they are kept as JSON in <see cref="Details"/>, keyed by that name.
/// </summary>
public sealed record HistoryEvent
{
    public required long Id { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public long? PreviousEventId { get; init; }

    // Settable: System.Text.Json cannot fill extension data through a constructor or an init accessor.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Details { get; set; }
}
