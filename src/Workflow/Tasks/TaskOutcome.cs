using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Tasks;

/// <summary>A handler call's result, or the error it failed with (TimedOut for States.Timeout).</summary>
internal readonly record struct TaskOutcome(JsonNode? Result, string? Error, string? Cause, bool TimedOut)
{
    public bool Failed => Error is not null;

    public static TaskOutcome Success(JsonNode? result) => new(result, null, null, false);

    public static TaskOutcome Failure(string error, string? cause) => new(null, error, cause, false);
}
