namespace StepOrders.Orders;

/// <summary>Whether a start created the execution or found it already there.</summary>
public enum WorkflowStart
{
    Started,
    AlreadyStarted,
}
