using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps;

/// <summary>
/// Moves an order to a step's status with a conditional write. A step that runs again (a retry, a duplicate
/// delivery, a resume after a crash) finds the order already there and carries on, so running twice is harmless.
/// </summary>
public sealed class OrderProgress(IOrderStore store, TimeProvider clock)
{
    private const int MaxConflicts = 5;

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
            if (order.Status == next)
            {
                return order;
            }
            var (detail, failure) = describe(order);
            var change = order.MoveTo(next, clock.GetUtcNow(), detail, failure);
            if (!change.IsMoved)
            {
                return new StepError(OrderErrors.IllegalTransition, change.Error!);
            }
            if (await store.TrySaveStatusChangeAsync(change.Next!, order.Status, cancellationToken))
            {
                return change.Next!;
            }
            if (conflicts == MaxConflicts)
            {
                return new StepError(OrderErrors.Transient, $"Order {orderId} kept changing while moving it to {next.ToWireName()}.");
            }
        }
    }
}

/// <summary>The order at its new status, or why it could not move there.</summary>
public sealed record OrderProgressResult(Order? Order, StepError? Error)
{
    public static implicit operator OrderProgressResult(Order order) => new(order, null);

    public static implicit operator OrderProgressResult(StepError error) => new(null, error);
}
