using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Pass State — passes its input (or Result, or Parameters) to its output.</summary>
public sealed record PassState : State
{
    public JsonNode? Result { get; init; }

    public bool HasResult { get; init; }

    public PayloadTemplate? Parameters { get; init; }

    public JsonPath? ResultPath { get; init; } = JsonPath.Root;

    public override StateType Type => StateType.Pass;
}
