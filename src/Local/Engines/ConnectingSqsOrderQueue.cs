using Amazon.SQS;
using StepOrders.Aws.Sqs;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Local.Engines;

/// <summary>
/// <see cref="SqsOrderQueue"/> once the queues' URLs are known: the host builds its services before anything
/// runs, and finding the queues takes a call to SQS.
/// </summary>
internal sealed class ConnectingSqsOrderQueue(IAmazonSQS sqs, SqsQueueConnection connection) : IOrderQueue
{
    private readonly Lazy<Task<SqsOrderQueue>> _queue = new(async () => new SqsOrderQueue(sqs, await connection.Queues));

    public async Task SendAsync(OrderQueued message, CancellationToken cancellationToken) =>
        await (await _queue.Value).SendAsync(message, cancellationToken);

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, TimeSpan wait, CancellationToken cancellationToken) =>
        await (await _queue.Value).ReceiveAsync(maxMessages, visibilityTimeout, wait, cancellationToken);

    public async Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken) =>
        await (await _queue.Value).DeleteAsync(receiptHandle, cancellationToken);

    public async Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        await (await _queue.Value).ChangeVisibilityAsync(receiptHandle, visibilityTimeout, cancellationToken);

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        await (await _queue.Value).ListDeadLettersAsync(limit, cancellationToken);

    public async Task<int> RedriveDeadLettersAsync(IReadOnlyList<string>? messageIds, CancellationToken cancellationToken) =>
        await (await _queue.Value).RedriveDeadLettersAsync(messageIds, cancellationToken);
}
