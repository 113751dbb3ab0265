namespace StepOrders.Steps;

/// <summary>What most steps get from the workflow: the order's id (<c>"orderId.$": "$.orderId"</c>).</summary>
public sealed record OrderStepInput(string OrderId);
