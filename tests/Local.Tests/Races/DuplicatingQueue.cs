using System.Collections.Concurrent;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Local.Tests.Races;

/// <summary>
/// The order queue delivering every message 2 or 3 times, as SQS's at-least-once delivery may: once as received,
/// and its copies (same receipt) to the next receives, which other pollers make while the first is still starting it.
/// </summary>
public sealed class DuplicatingQueue(IOrderQueue queue, int seed) : IOrderQueue
{
    private readonly Random _random = new(seed);
    private readonly ConcurrentQueue<QueueMessage> _copies = new();
    private int _copiesMade;

    public int CopiesMade => Volatile.Read(ref _copiesMade);

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, TimeSpan wait, CancellationToken cancellationToken)
    {
        var batch = new List<QueueMessage>();
        while (batch.Count < maxMessages && _copies.TryDequeue(out var copy))
        {
            batch.Add(copy);
        }
        if (batch.Count > 0)
        {
            return batch;
        }
        var received = await queue.ReceiveAsync(maxMessages, visibilityTimeout, wait, cancellationToken);
        foreach (var message in received)
        {
            int copies;
            lock (_random)
            {
                copies = _random.Next(1, 3);
            }
            for (var i = 0; i < copies; i++)
            {
                _copies.Enqueue(message);
            }
            Interlocked.Add(ref _copiesMade, copies);
        }
        return received;
    }

    public Task SendAsync(OrderQueued message, CancellationToken cancellationToken) => queue.SendAsync(message, cancellationToken);

    public Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken) => queue.DeleteAsync(receiptHandle, cancellationToken);

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        queue.ChangeVisibilityAsync(receiptHandle, visibilityTimeout, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) => queue.ListDeadLettersAsync(limit, cancellationToken);

    public Task<int> RedriveDeadLettersAsync(IReadOnlyList<string>? messageIds, CancellationToken cancellationToken) =>
        queue.RedriveDeadLettersAsync(messageIds, cancellationToken);
}
