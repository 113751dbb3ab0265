using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Wait State — exactly one of Seconds, Timestamp, SecondsPath, TimestampPath.</summary>
public sealed record WaitState : State
{
    public long? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPath? SecondsPath { get; init; }

    public JsonPath? TimestampPath { get; init; }

    /// <summary>JSONata: Seconds as written, a number or a "{% %}" expression.</summary>
    public JsonNode? SecondsExpression { get; init; }

    /// <summary>JSONata: Timestamp as written, a string or a "{% %}" expression.</summary>
    public JsonNode? TimestampExpression { get; init; }

    public override StateType Type => StateType.Wait;
}
