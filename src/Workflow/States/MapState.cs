using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Map State (inline) — runs the item processor once per item of the selected array.</summary>
public sealed record MapState : State
{
    public required StateMachineDefinition ItemProcessor { get; init; }

    public JsonPath? ItemsPath { get; init; } = JsonPath.Root;

    public PayloadTemplate? ItemSelector { get; init; }

    public int MaxConcurrency { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    public JsonPath? ResultPath { get; init; } = JsonPath.Root;

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    public override StateType Type => StateType.Map;
}
