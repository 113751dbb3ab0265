using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace StepOrders.Aws.Sqs;

/// <summary>
/// Creates the order queue and its dead-letter queue <c>{name}-dlq</c>, joined by a RedrivePolicy (for tests, the
/// stand-ins and the local host; on AWS the CDK stack declares them). Creating an existing queue with the same
/// attributes returns it, so this is safe to run at every start.
/// </summary>
public static class SqsQueueSetup
{
    public static async Task<SqsQueues> CreateAsync(IAmazonSQS sqs, string name, int maxReceiveCount, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReceiveCount, 1);
        var deadLetters = await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name + "-dlq" }, cancellationToken);
        var attributes = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = deadLetters.QueueUrl, AttributeNames = [QueueAttributeName.QueueArn] },
            cancellationToken);
        var policy = JsonSerializer.Serialize(new RedrivePolicy(attributes.QueueARN, maxReceiveCount), AwsJson.Default.RedrivePolicy);
        var queue = await sqs.CreateQueueAsync(
            new CreateQueueRequest
            {
                QueueName = name,
                Attributes = new()
                {
                    [QueueAttributeName.RedrivePolicy] = policy,
                    [QueueAttributeName.VisibilityTimeout] = ((int)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                },
            },
            cancellationToken);
        return new SqsQueues(queue.QueueUrl, deadLetters.QueueUrl, maxReceiveCount);
    }
}
