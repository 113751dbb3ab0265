namespace StepOrders.Orders;

/// <summary>
/// Declares a function once, next to its code: its name, what triggers it, its memory and timeout. The CDK stack
/// and the local host both read these declarations, so no list of functions is kept twice.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FunctionAttribute(string name, FunctionTrigger trigger) : Attribute
{
    public string Name { get; } = name;

    public FunctionTrigger Trigger { get; } = trigger;

    public int MemoryMb { get; init; } = 256;

    public int TimeoutSeconds { get; init; } = 10;
}

public enum FunctionTrigger
{
    /// <summary>Called by API Gateway (locally: Kestrel).</summary>
    Api,

    /// <summary>Called with batches from the order queue (locally: the queue poller).</summary>
    Queue,

    /// <summary>Called by a Task state of the order workflow; its ARN is the ASL's <c>${NameFunctionArn}</c>.</summary>
    Workflow,

    /// <summary>Called on a schedule (EventBridge Scheduler on AWS, a timer in the local host).</summary>
    Schedule,
}
