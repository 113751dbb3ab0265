namespace StepOrders.Orders.Ports;

/// <summary>
/// The workflow refused to redrive an execution: it is running again already (a redrive racing this one got there
/// first), or it may not be redriven any more. Adapters translate their workflow's refusal into this.
/// </summary>
public sealed class ExecutionNotRedrivableException(string message, Exception? innerException = null) : Exception(message, innerException);
