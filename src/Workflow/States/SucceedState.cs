namespace StepOrders.Workflow.States;

/// <summary>ASL: Succeed State — ends the execution (or branch) successfully.</summary>
public sealed record SucceedState : State
{
    public override StateType Type => StateType.Succeed;
}
