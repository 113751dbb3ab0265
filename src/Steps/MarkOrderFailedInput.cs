namespace StepOrders.Steps;

/// <summary>MarkOrderFailed's input: the order and the error the workflow caught (<c>$.failure.Error</c>, <c>$.failure.Cause</c>).</summary>
public sealed record MarkOrderFailedInput(string OrderId, string? Error, string? Cause);
