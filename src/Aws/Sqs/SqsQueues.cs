namespace StepOrders.Aws.Sqs;

/// <summary>The order queue, its dead-letter queue, and the maxReceiveCount of the redrive policy between them.</summary>
public sealed record SqsQueues(string QueueUrl, string DeadLetterQueueUrl, int MaxReceiveCount);
