using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Fallback states — on a matching error, go to Next with the error output at ResultPath.</summary>
public sealed record Catcher
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public required string Next { get; init; }

    public JsonPath? ResultPath { get; init; } = JsonPath.Root;
}
