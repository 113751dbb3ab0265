using Microsoft.Extensions.Logging;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps;

/// <summary>
/// Re-queues orders that have been PENDING for a while without a workflow execution. On AWS the DynamoDB write
/// and the SQS send are not atomic, so a crash between them would leave an order that nothing drives; this finds
/// it. Re-queuing is safe: the starter names the execution by order id, so an order is never started twice.
/// </summary>
[Function("ReconcilePendingOrders", FunctionTrigger.Schedule, TimeoutSeconds = 60)]
public sealed partial class ReconcilePendingOrders(
    IOrderStore store, IOrderQueue queue, IOrderWorkflow workflow, TimeProvider clock, ILogger<ReconcilePendingOrders> logger,
    ReconcilerOptions? options = null)
{
    private const int BatchSize = 100;

    /// <summary>How long an order may wait in PENDING before it counts as stranded.</summary>
    public TimeSpan Grace { get; } = (options ?? new ReconcilerOptions()).Grace;

    /// <summary>Returns how many orders were queued again.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var requeued = 0;
        var stale = await store.ListPendingAsync(clock.GetUtcNow() - Grace, BatchSize, cancellationToken);
        foreach (var id in stale)
        {
            if (await workflow.DescribeAsync(id.Value, cancellationToken) is not null)
            {
                continue;
            }
            await queue.SendAsync(new OrderQueued(id.Value), cancellationToken);
            LogRequeued(id.Value);
            requeued++;
        }
        return requeued;
    }

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} was PENDING with no workflow execution; queued it again")]
    private partial void LogRequeued(string orderId);
}
