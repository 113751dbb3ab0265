using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Definitions;

/// <summary>Parses the states that hold state machines of their own: Parallel (Branches) and Map (ItemProcessor).</summary>
internal static class CompositeStateParser
{
    public static ParallelState? ParseParallel(string name, FieldReader reader, QueryLanguage language)
    {
        var array = reader.Array("Branches", required: true);
        if (array is null)
        {
            return null;
        }

        var branches = new List<Definitions.StateMachineDefinition>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject node)
            {
                reader.Problem($"Branches/{i}", "a branch must be an object");
                continue;
            }

            if (DefinitionParser.ParseMachine(reader.Child(node, $"Branches/{i}"), language, isRoot: false) is { } branch)
            {
                branches.Add(branch);
            }
        }

        var jsonPath = language == QueryLanguage.JsonPath;
        return new ParallelState
        {
            Name = name,
            Branches = branches,
            Parameters = jsonPath ? TaskStateParser.Template(reader, "Parameters") : null,
            ResultSelector = jsonPath ? TaskStateParser.Template(reader, "ResultSelector") : null,
            ResultPath = jsonPath ? reader.Path("ResultPath", JsonPath.Root, reference: true) : JsonPath.Root,
            Retry = ErrorHandlingParser.ParseRetry(reader),
            Catch = ErrorHandlingParser.ParseCatch(reader, jsonPath),
        };
    }

    public static MapState? ParseMap(string name, FieldReader reader, QueryLanguage language)
    {
        var processorField = reader.Has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        var processorReader = reader.Object(processorField, required: true);
        if (processorReader is null
            || DefinitionParser.ParseMachine(processorReader, language, isRoot: false) is not { } processor)
        {
            return null;
        }

        var jsonPath = language == QueryLanguage.JsonPath;
        var selectorField = reader.Has("ItemSelector") ? "ItemSelector" : "Parameters";
        return new MapState
        {
            Name = name,
            ItemProcessor = processor,
            ItemsPath = jsonPath ? reader.Path("ItemsPath", JsonPath.Root) : JsonPath.Root,
            ItemSelector = jsonPath ? TaskStateParser.Template(reader, selectorField) : null,
            MaxConcurrency = reader.Source["MaxConcurrency"] is JsonValue ? (int)(reader.Integer("MaxConcurrency", 0) ?? 0) : 0,
            ResultSelector = jsonPath ? TaskStateParser.Template(reader, "ResultSelector") : null,
            ResultPath = jsonPath ? reader.Path("ResultPath", JsonPath.Root, reference: true) : JsonPath.Root,
            Retry = ErrorHandlingParser.ParseRetry(reader),
            Catch = ErrorHandlingParser.ParseCatch(reader, jsonPath),
        };
    }
}
