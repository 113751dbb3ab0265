using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Task State — calls the handler registered for <see cref="Resource"/>.</summary>
public sealed record TaskState : State
{
    public required string Resource { get; init; }

    public PayloadTemplate? Parameters { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    public JsonPath? ResultPath { get; init; } = JsonPath.Root;

    public int? TimeoutSeconds { get; init; }

    public JsonPath? TimeoutSecondsPath { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    /// <summary>JSONata: Arguments, kept as written.</summary>
    public JsonNode? Arguments { get; init; }

    public override StateType Type => StateType.Task;

    internal Tasks.TaskResource Target => field ??= Tasks.TaskResource.Of(Resource);
}
