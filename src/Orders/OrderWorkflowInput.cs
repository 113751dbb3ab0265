namespace StepOrders.Orders;

/// <summary>The order workflow's execution input.</summary>
public sealed record OrderWorkflowInput(string OrderId, string? TraceParent = null);
