namespace StepOrders.Orders.Ports;

/// <summary>
/// The queue between the API and the workflow starter, with SQS semantics: a received message stays invisible
/// for its visibility timeout, comes back if not deleted, and moves to the dead-letter queue after
/// maxReceiveCount receives.
/// </summary>
public interface IOrderQueue
{
    Task SendAsync(OrderQueued message, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxMessages"/> messages, waiting up to <paramref name="wait"/> for one (long polling).</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, TimeSpan wait, CancellationToken cancellationToken);

    Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken);

    Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Moves dead letters back to the queue: the given ones, or all when <paramref name="messageIds"/> is null. Returns how many moved.</summary>
    Task<int> RedriveDeadLettersAsync(IReadOnlyList<string>? messageIds, CancellationToken cancellationToken);
}
