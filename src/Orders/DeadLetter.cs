namespace StepOrders.Orders;

/// <summary>A message that was received maxReceiveCount times without being handled.</summary>
public sealed record DeadLetter(string MessageId, string Body, int ReceiveCount, DateTimeOffset SentAt, DateTimeOffset DeadLetteredAt);
