namespace StepOrders.Orders;

/// <summary>The queue message that asks for an order's workflow to start; carries the W3C trace context of the request.</summary>
public sealed record OrderQueued(string OrderId, string? TraceParent = null);
