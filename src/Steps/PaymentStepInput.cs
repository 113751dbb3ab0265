namespace StepOrders.Steps;

/// <summary>
/// ProcessPayment's input: the order and the workflow's retry count for this step (<c>$$.State.RetryCount</c>),
/// which the simulated card network uses for <c>tok_flaky</c>.
/// </summary>
public sealed record PaymentStepInput(string OrderId, int Attempt);
