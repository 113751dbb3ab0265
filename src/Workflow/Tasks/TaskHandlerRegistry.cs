namespace StepOrders.Workflow.Tasks;

/// <summary>
/// The task handlers the host offers, by resource ARN. A Lambda function is found by its full ARN, by
/// <c>function:NAME</c> ARNs with a version or alias, or by its bare name (lambda:invoke's FunctionName).
/// </summary>
public sealed class TaskHandlerRegistry
{
    private readonly Dictionary<string, TaskHandler> handlers = new(StringComparer.Ordinal);

    public TaskHandlerRegistry Register(string resourceArn, TaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceArn);
        ArgumentNullException.ThrowIfNull(handler);
        handlers[resourceArn] = handler;
        if (LambdaArn.FunctionName(resourceArn) is { } name)
        {
            handlers[name] = handler;
        }

        return this;
    }

    public bool TryGet(string resource, out TaskHandler handler)
    {
        if (handlers.TryGetValue(resource, out handler!))
        {
            return true;
        }

        return LambdaArn.FunctionName(resource) is { } name && handlers.TryGetValue(name, out handler!);
    }
}
