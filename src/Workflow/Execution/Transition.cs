using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// What a frame does after a step: go on, wait for a timer, or end (succeeded with an output, whose JSON text comes
/// along when the last state already wrote it, or failed).
/// </summary>
internal readonly record struct Transition(
    TransitionKind Kind, JsonNode? Output = null, string? Error = null, string? Cause = null, byte[]? OutputJson = null)
{
    public static Transition Continue { get; } = new(TransitionKind.Continue);

    public static Transition Park { get; } = new(TransitionKind.Park);

    public static Transition Succeeded(JsonNode? output, byte[]? outputJson = null) =>
        new(TransitionKind.Succeeded, output, OutputJson: outputJson);

    public static Transition Failed(string? error, string? cause) => new(TransitionKind.Failed, null, error, cause);
}

internal enum TransitionKind
{
    Continue,
    Park,
    Succeeded,
    Failed,
}
