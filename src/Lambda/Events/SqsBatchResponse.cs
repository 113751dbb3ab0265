using System.Text.Json.Serialization;

namespace StepOrders.Lambda.Events;

/// <summary>
/// A partial batch response: the messages that failed go back to the queue, the rest are deleted. The event source
/// mapping must have <c>ReportBatchItemFailures</c> on, or Lambda ignores this and deletes the whole batch.
/// </summary>
internal sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<SqsBatchItemFailure> BatchItemFailures);

internal sealed record SqsBatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
