using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Fallback states — on a matching error, go to Next with the error output at ResultPath.</summary>
public sealed record Catcher
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public required string Next { get; init; }

    public JsonPath? ResultPath { get; init; } = JsonPath.Root;

    /// <summary>Variables set when the catcher is taken (JSONata: <c>$states.errorOutput</c>; JSONPath: <c>$</c> is the error output).</summary>
    public System.Text.Json.Nodes.JsonNode? Assign { get; init; }

    public PayloadTemplate? AssignTemplate { get; init; }

    /// <summary>JSONata: the catcher's output (default: the error output).</summary>
    public PayloadTemplate? Output { get; init; }
}
