using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Api;

/// <summary>What one TestState run left: the closed execution and its history, seen from the state under test.</summary>
internal sealed record TestStateRun(ExecutionDescription Execution, IReadOnlyList<HistoryEvent> Events, string StateName)
{
    public HistoryEvent? Exited => Events.FirstOrDefault(e => e.Name == StateName && e.Type.ToString().EndsWith("StateExited", StringComparison.Ordinal));

    /// <summary>The state entered after the one under test (a stub).</summary>
    public string? Next => Exited is { } exited
        ? Events.FirstOrDefault(e => e.Id > exited.Id && e.Type.ToString().EndsWith("StateEntered", StringComparison.Ordinal))?.Name
        : null;

    public HistoryEvent? Scheduled => Events.FirstOrDefault(e => e.Type is HistoryEventType.TaskScheduled or HistoryEventType.LambdaFunctionScheduled);

    public HistoryEvent? TaskSucceeded => Events.FirstOrDefault(e => e.Type is HistoryEventType.TaskSucceeded or HistoryEventType.LambdaFunctionSucceeded);

    public string Input => Events.FirstOrDefault(e => e.Name == StateName)?.Input ?? Execution.Input ?? "{}";
}
