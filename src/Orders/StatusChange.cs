namespace StepOrders.Orders;

/// <summary>One entry of an order's history: the status it moved to, when, and why.</summary>
public sealed record StatusChange(OrderStatus Status, DateTimeOffset At, string Detail);
