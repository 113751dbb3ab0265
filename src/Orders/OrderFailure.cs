namespace StepOrders.Orders;

/// <summary>Why an order failed: the workflow step, the named error, and its cause.</summary>
public sealed record OrderFailure(string Step, string Error, string Cause);
