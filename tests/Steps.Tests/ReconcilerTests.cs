using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps.Tests;

public class ReconcilerTests
{
    private sealed class SentMessages : IOrderQueue
    {
        public List<OrderQueued> Sent { get; } = [];

        public Task SendAsync(OrderQueued message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, TimeSpan wait, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<int> RedriveDeadLettersAsync(IReadOnlyList<string>? messageIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Orders_left_pending_without_an_execution_are_queued_again_after_the_grace_period()
    {
        var shop = new InMemoryShop();
        var workflow = new RecordingWorkflow();
        var queue = new SentMessages();
        var stranded = shop.Place();
        var started = shop.Place();
        await workflow.StartAsync(started.Id.Value, new OrderWorkflowInput(started.Id.Value), CancellationToken.None);
        var reconciler = new ReconcilePendingOrders(shop, queue, workflow, shop.Clock, NullLogger<ReconcilePendingOrders>.Instance);

        var early = await reconciler.RunAsync(CancellationToken.None);
        shop.Clock.Advance(reconciler.Grace + TimeSpan.FromSeconds(1));
        var late = await reconciler.RunAsync(CancellationToken.None);

        Assert.Equal(0, early);
        Assert.Equal(1, late);
        Assert.Equal(stranded.Id.Value, Assert.Single(queue.Sent).OrderId);
    }
}
