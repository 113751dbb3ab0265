namespace StepOrders.Orders;

/// <summary>A received queue message: its raw body, the handle to delete it by, and how often it was received.</summary>
public sealed record QueueMessage(string MessageId, string Body, string ReceiptHandle, int ReceiveCount, DateTimeOffset SentAt);
