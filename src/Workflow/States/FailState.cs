using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Fail State — fails the execution with an error and cause, literal or read by path.</summary>
public sealed record FailState : State
{
    public string? Error { get; init; }

    public string? Cause { get; init; }

    public JsonPath? ErrorPath { get; init; }

    public JsonPath? CausePath { get; init; }

    /// <summary>An intrinsic function given as ErrorPath (e.g. <c>States.Format(...)</c>).</summary>
    public string? ErrorFunction { get; init; }

    public string? CauseFunction { get; init; }

    public override StateType Type => StateType.Fail;
}
