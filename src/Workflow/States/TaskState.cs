using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: Task State — calls the handler registered for <see cref="Resource"/>.</summary>
public sealed record TaskState : State, IErrorHandling
{
    public required string Resource { get; init; }

    public PayloadTemplate? Parameters { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    public JsonPath? ResultPath { get; init; } = JsonPath.Root;

    public int? TimeoutSeconds { get; init; }

    public JsonPath? TimeoutSecondsPath { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public JsonPath? HeartbeatSecondsPath { get; init; }

    /// <summary>JSONata: TimeoutSeconds given as a "{% %}" expression.</summary>
    public string? TimeoutSecondsExpression { get; init; }

    /// <summary>JSONata: HeartbeatSeconds given as a "{% %}" expression.</summary>
    public string? HeartbeatSecondsExpression { get; init; }

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    /// <summary>JSONata: Arguments, as written (default: the state input).</summary>
    public PayloadTemplate? Arguments { get; init; }

    public override StateType Type => StateType.Task;

    internal Tasks.TaskResource Target => field ??= Tasks.TaskResource.Of(Resource);
}
