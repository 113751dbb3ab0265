using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Definitions;

/// <summary>Parses ASL JSON into a <see cref="StateMachineDefinition"/>, collecting every fault before throwing.</summary>
internal static class DefinitionParser
{
    private static readonly HashSet<string> RootFields = ["StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage"];

    public static StateMachineDefinition Parse(string json, IReadOnlyDictionary<string, string>? substitutions)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(DefinitionSubstitutions.Apply(json, substitutions));
        }
        catch (JsonException e)
        {
            throw new InvalidDefinitionException([new("", $"INVALID_JSON_DESCRIPTION: {e.Message}")]);
        }

        if (root is not JsonObject rootObject)
        {
            throw new InvalidDefinitionException([new("", "the definition must be a JSON object")]);
        }

        var problems = new List<DefinitionProblem>();
        var reader = new FieldReader(rootObject, "", problems);
        reader.OnlyFields(RootFields);
        var version = reader.String("Version");
        if (version is not null and not "1.0")
        {
            reader.Problem("Version", "must be \"1.0\"");
        }

        var definition = ParseMachine(reader, QueryLanguage.JsonPath, isRoot: true);
        if (problems.Count > 0 || definition is null)
        {
            throw new InvalidDefinitionException(problems);
        }

        return definition;
    }

    /// <summary>A state machine object: the root, a Parallel branch or a Map item processor.</summary>
    internal static StateMachineDefinition? ParseMachine(FieldReader reader, QueryLanguage inherited, bool isRoot)
    {
        var language = ParseQueryLanguage(reader, inherited);
        var startAt = reader.String("StartAt", required: true);
        var statesReader = reader.Object("States", required: true);
        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        if (statesReader is not null)
        {
            if (statesReader.Source.Count == 0)
            {
                reader.Problem("States", "must have at least one state");
            }

            foreach (var (name, node) in statesReader.Source)
            {
                if (name.Length is 0 or > 80)
                {
                    statesReader.Problem(name, "a state name must be 1 to 80 characters long");
                }

                if (node is not JsonObject stateObject)
                {
                    statesReader.Problem(name, "a state must be an object");
                    continue;
                }

                if (StateParser.Parse(name, statesReader.Child(stateObject, name), language) is { } state)
                {
                    states[name] = state;
                }
            }
        }

        if (startAt is null || statesReader is null)
        {
            return null;
        }

        var definition = new StateMachineDefinition
        {
            StartAt = startAt,
            States = states,
            Comment = reader.String("Comment"),
            TimeoutSeconds = isRoot ? (int?)reader.Integer("TimeoutSeconds", 1) : null,
            QueryLanguage = language,
        };
        TransitionValidator.Validate(definition, reader.At, reader.Problems);
        return definition;
    }

    internal static QueryLanguage ParseQueryLanguage(FieldReader reader, QueryLanguage inherited)
    {
        switch (reader.String("QueryLanguage"))
        {
            case null:
                return inherited;
            case "JSONPath":
                if (inherited == QueryLanguage.Jsonata)
                {
                    reader.Problem("QueryLanguage", "JSONPath cannot be used inside a JSONata state machine");
                }

                return QueryLanguage.JsonPath;
            case "JSONata":
                return QueryLanguage.Jsonata;
            default:
                reader.Problem("QueryLanguage", "must be JSONPath or JSONata");
                return inherited;
        }
    }
}
