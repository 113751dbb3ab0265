using StepOrders.Workflow.Choices;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Choice State — the first rule that matches names the next state, else Default.</summary>
public sealed record ChoiceState : State
{
    public required IReadOnlyList<ChoiceRule> Choices { get; init; }

    public string? Default { get; init; }

    public override StateType Type => StateType.Choice;
}
