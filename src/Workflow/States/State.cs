using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.States;

/// <summary>ASL: State. Fields common to every state type; a path of <c>null</c> means the field was set to null.</summary>
public abstract record State
{
    public required string Name { get; init; }

    public string? Comment { get; init; }

    /// <summary>The state that follows, or null for terminal states (End, Succeed, Fail) and Choice.</summary>
    public string? Next { get; init; }

    public bool End { get; init; }

    public JsonPath? InputPath { get; init; } = JsonPath.Root;

    public JsonPath? OutputPath { get; init; } = JsonPath.Root;

    public QueryLanguage QueryLanguage { get; init; } = QueryLanguage.JsonPath;

    /// <summary>ASL: Assign — the variables a state sets when it exits, as written.</summary>
    public JsonNode? Assign { get; init; }

    /// <summary>JSONPath states: <see cref="Assign"/> compiled (<c>name.$</c> fields read paths, variables and intrinsic functions).</summary>
    public PayloadTemplate? AssignTemplate { get; init; }

    /// <summary>JSONata: Output, as written (its Source may be JSON null); the state's output when present.</summary>
    public PayloadTemplate? Output { get; init; }

    public abstract StateType Type { get; }
}
