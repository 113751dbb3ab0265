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
public sealed record HistoryEvent(long Id, string Type, DateTimeOffset Timestamp, long? PreviousEventId = null)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Details { get; init; }
}
