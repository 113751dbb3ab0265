using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Parallel State — runs each branch on the same input; the result is the array of branch outputs.</summary>
public sealed record ParallelState : State, IErrorHandling
{
    public required IReadOnlyList<StateMachineDefinition> Branches { get; init; }

    public PayloadTemplate? Parameters { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    public JsonPath? ResultPath { get; init; } = JsonPath.Root;

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    /// <summary>JSONata: Arguments, the branches' input as written (default: the state input).</summary>
    public PayloadTemplate? Arguments { get; init; }

    public override StateType Type => StateType.Parallel;
}
