namespace StepOrders.Workflow.Execution;

/// <summary>What the run loop does after a step: go on, wait for a timer, or stop because the execution closed.</summary>
internal enum StepKind
{
    Continue,
    Park,
    Close,
}
