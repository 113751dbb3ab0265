using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Wait State — exactly one of Seconds, Timestamp, SecondsPath, TimestampPath.</summary>
public sealed record WaitState : State
{
    public long? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPath? SecondsPath { get; init; }

    public JsonPath? TimestampPath { get; init; }

    public override StateType Type => StateType.Wait;
}
