using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Steps;

/// <summary>
/// Moves an order to a step's status with a conditional write. A step that runs again (a retry, a duplicate
/// delivery, a resume after a crash) finds the order already there, or further on, and carries on, so running twice
/// is harmless; its own side effects are idempotent by order id. The write that makes an order final is counted once
/// (orders completed or failed, and the time since it was accepted), since only one conditional write can win it.
/// </summary>
public sealed class OrderProgress(IOrderStore store, TimeProvider clock, OrderMetrics? metrics = null)
{
    private const int MaxConflicts = 5;

    /// <summary>The order as stored, or null when there is none.</summary>
    public Task<Order?> FindAsync(OrderId orderId, CancellationToken cancellationToken) => store.GetAsync(orderId, cancellationToken);

    public Task<OrderProgressResult> AdvanceAsync(string orderId, OrderStatus next, string detail, CancellationToken cancellationToken) =>
        AdvanceAsync(orderId, next, _ => (detail, null), cancellationToken);

    /// <summary>Moves the order with a detail (and, for FAILED, a failure) worked out from the order as stored.</summary>
    public async Task<OrderProgressResult> AdvanceAsync(
        string orderId, OrderStatus next, Func<Order, (string Detail, OrderFailure? Failure)> describe, CancellationToken cancellationToken)
    {
        if (!OrderId.TryParse(orderId, out var id))
        {
            return new StepError(OrderErrors.Invalid, $"'{orderId}' is not an order id.");
        }
        for (var conflicts = 0; ; conflicts++)
        {
            var order = await store.GetAsync(id, cancellationToken);
            if (order is null)
            {
                return new StepError(OrderErrors.NotFound, $"Order {orderId} does not exist.");
            }
            if (order.Status == next || IsPast(order.Status, next))
            {
                return order;
            }
            if (order.Status == OrderStatus.Failed)
            {
                // A step replayed after the order failed: fail again with the order's own error, for the Catch to record as it was.
                return new StepError(order.Failure?.Error ?? OrderErrors.IllegalTransition, order.Failure?.Cause ?? $"Order {orderId} has failed.");
            }
            var (detail, failure) = describe(order);
            var change = order.MoveTo(next, clock.GetUtcNow(), detail, failure);
            if (!change.IsMoved)
            {
                return new StepError(OrderErrors.IllegalTransition, change.Error!);
            }
            if (await store.TrySaveStatusChangeAsync(change.Next!, order.Status, cancellationToken))
            {
                Count(change.Next!);
                return change.Next!;
            }
            if (conflicts == MaxConflicts)
            {
                return new StepError(OrderErrors.Transient, $"Order {orderId} kept changing while moving it to {next.ToWireName()}.");
            }
        }
    }

    private void Count(Order moved)
    {
        if (metrics is null)
        {
            return;
        }
        if (moved.Status == OrderStatus.Completed)
        {
            metrics.OrderCompleted(moved.UpdatedAt - moved.CreatedAt);
        }
        else if (moved.Status == OrderStatus.Failed)
        {
            metrics.OrderFailed(moved.Failure?.Step ?? "", moved.Failure?.Error ?? "", moved.UpdatedAt - moved.CreatedAt);
        }
    }

    /// <summary>
    /// True when the order is further along the happy path than <paramref name="next"/>: the step ran already and the
    /// workflow runs it again from an older checkpoint (a runtime resuming after a crash, a Lambda invoked twice).
    /// </summary>
    private static bool IsPast(OrderStatus current, OrderStatus next) =>
        current is not OrderStatus.Failed && next is not (OrderStatus.Failed or OrderStatus.Pending) && current > next;
}

/// <summary>The order at its new status, or why it could not move there.</summary>
public sealed record OrderProgressResult(Order? Order, StepError? Error)
{
    public static implicit operator OrderProgressResult(Order order) => new(order, null);

    public static implicit operator OrderProgressResult(StepError error) => new(null, error);
}
