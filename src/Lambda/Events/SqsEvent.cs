using System.Text.Json.Serialization;

namespace StepOrders.Lambda.Events;

/// <summary>The event an SQS event source mapping sends: a batch of records (Lambda: Using Lambda with Amazon SQS — example event).</summary>
internal sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsRecord>? Records);

internal sealed record SqsRecord(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("receiptHandle")] string ReceiptHandle,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("attributes")] SqsRecordAttributes? Attributes);

/// <summary>The system attributes SQS sends as strings; <c>SentTimestamp</c> is epoch milliseconds.</summary>
internal sealed record SqsRecordAttributes(
    [property: JsonPropertyName("ApproximateReceiveCount")] string? ApproximateReceiveCount,
    [property: JsonPropertyName("SentTimestamp")] string? SentTimestamp);
