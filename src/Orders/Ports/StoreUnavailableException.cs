namespace StepOrders.Orders.Ports;

/// <summary>
/// A port's backing store cannot do the work now (busy, locked, out of space, throttled) and the same call may succeed
/// later; nothing of the call was kept. Adapters translate their own errors into this at their edge: the API answers
/// 503 with Retry-After, and a workflow step fails with <see cref="OrderErrors.Transient"/> for the workflow to retry.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
