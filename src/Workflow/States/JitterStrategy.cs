namespace StepOrders.Workflow.States;

public enum JitterStrategy
{
    None,
    Full,
}
