using Amazon.SQS;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StepOrders.Aws.Sqs;
using StepOrders.Local.Queue;

namespace StepOrders.Local.Engines;

/// <summary>
/// The order queue and its dead-letter queue in SQS, found once: on a stand-in (<c>--sqs-endpoint</c>) created if
/// missing, with <see cref="QueueOptions"/>' redrive policy; on AWS the stack's, by name. As a hosted service it
/// does so before the host serves, so a wrong endpoint or a missing queue stops the start.
/// </summary>
internal sealed class SqsQueueConnection(IAmazonSQS sqs, EngineOptions engines, IOptions<QueueOptions> queue) : IHostedService
{
    private readonly Lazy<Task<SqsQueues>> _queues = new(() => FindAsync(sqs, engines, queue.Value));

    public Task<SqsQueues> Queues => _queues.Value;

    public Task StartAsync(CancellationToken cancellationToken) => Queues.WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<SqsQueues> FindAsync(IAmazonSQS sqs, EngineOptions engines, QueueOptions queue)
    {
        if (engines.SqsEndpoint is not null)
        {
            return await SqsQueueSetup.CreateAsync(sqs, engines.QueueName, queue.MaxReceiveCount, queue.VisibilityTimeout, CancellationToken.None);
        }
        var orders = await sqs.GetQueueUrlAsync(engines.QueueName);
        var deadLetters = await sqs.GetQueueUrlAsync(engines.QueueName + "-dlq");
        return new SqsQueues(orders.QueueUrl, deadLetters.QueueUrl, queue.MaxReceiveCount);
    }
}
