namespace StepOrders.Workflow.Tasks;

/// <summary>A handler's named failure, e.g. <c>Order.OutOfStock</c>; Retry and Catch match on <see cref="Error"/>.</summary>
public sealed class TaskFailedException(string error, string? cause = null) : Exception(cause ?? error)
{
    public string Error { get; } = error;

    public string? Cause { get; } = cause;
}
