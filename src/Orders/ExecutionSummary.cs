namespace StepOrders.Orders;

/// <summary>An execution's name and Step Functions status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE).</summary>
public sealed record ExecutionSummary(string Name, string Status, string? Arn = null);
