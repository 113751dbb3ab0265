namespace StepOrders.Orders;

/// <summary>The outcome of <see cref="Order.MoveTo"/>: the next version of the order, or why it may not move.</summary>
public sealed record StatusChangeResult(Order? Next, string? Error)
{
    public bool IsMoved => Next is not null;

    public static StatusChangeResult Moved(Order next) => new(next, null);

    public static StatusChangeResult Illegal(Order order, OrderStatus next) =>
        new(null, $"Order {order.Id} cannot move from {order.Status.ToWireName()} to {next.ToWireName()}.");
}
