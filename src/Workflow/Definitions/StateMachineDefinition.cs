using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Definitions;

/// <summary>ASL: a state machine (or a Parallel branch, or a Map item processor): StartAt and its States.</summary>
public sealed record StateMachineDefinition
{
    public required string StartAt { get; init; }

    public required IReadOnlyDictionary<string, State> States { get; init; }

    public string? Comment { get; init; }

    public int? TimeoutSeconds { get; init; }

    public QueryLanguage QueryLanguage { get; init; } = QueryLanguage.JsonPath;

    public State this[string name] => States[name];

    /// <summary>Parses and validates ASL text; throws <see cref="InvalidDefinitionException"/> listing every fault.</summary>
    public static StateMachineDefinition Parse(string json, IReadOnlyDictionary<string, string>? substitutions = null) =>
        DefinitionParser.Parse(json, substitutions);
}
