using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Lambda.Tests;

/// <summary>A queue built (by the reconciler, the API) but never called.</summary>
internal sealed class UnusedQueue : IOrderQueue
{
    public Task SendAsync(OrderQueued message, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, TimeSpan wait, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> RedriveDeadLettersAsync(IReadOnlyList<string>? messageIds, CancellationToken cancellationToken) => throw new NotSupportedException();
}
