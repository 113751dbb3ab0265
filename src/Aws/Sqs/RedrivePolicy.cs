namespace StepOrders.Aws.Sqs;

/// <summary>The queue attribute that names the dead-letter queue and after how many receives a message moves there.</summary>
internal sealed record RedrivePolicy(string DeadLetterTargetArn, int MaxReceiveCount);
