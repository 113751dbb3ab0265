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
            Arguments = reader.Raw("Arguments"),
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

        foreach (var field in new[] { "ItemReader", "ResultWriter", "ItemBatcher" }.Where(reader.Has))
        {
            reader.Problem(field, $"Map {field} is not supported (it reads from or writes to S3)");
        }

        var jsonPath = language == QueryLanguage.JsonPath;
        var selectorField = reader.Has("ItemSelector") ? "ItemSelector" : "Parameters";
        return new MapState
        {
            Name = name,
            ItemProcessor = processor,
            Mode = ProcessorMode(processorReader),
            ItemsPath = jsonPath ? reader.Path("ItemsPath", JsonPath.Root) : JsonPath.Root,
            Items = jsonPath ? null : reader.Raw("Items"),
            ItemSelector = jsonPath
                ? TaskStateParser.Template(reader, selectorField)
                : reader.Has(selectorField) ? PayloadTemplate.Literal(reader.Source[selectorField]?.DeepClone()) : null,
            MaxConcurrency = Expression(reader, "MaxConcurrency") is null ? (int)(reader.Integer("MaxConcurrency", 0) ?? 0) : 0,
            MaxConcurrencyPath = reader.Path("MaxConcurrencyPath", null),
            MaxConcurrencyExpression = Expression(reader, "MaxConcurrency"),
            ToleratedFailureCount = Expression(reader, "ToleratedFailureCount") is null ? reader.Integer("ToleratedFailureCount", 0) : null,
            ToleratedFailureCountPath = reader.Path("ToleratedFailureCountPath", null),
            ToleratedFailureCountExpression = Expression(reader, "ToleratedFailureCount"),
            ToleratedFailurePercentage = Expression(reader, "ToleratedFailurePercentage") is null ? Percentage(reader) : null,
            ToleratedFailurePercentagePath = reader.Path("ToleratedFailurePercentagePath", null),
            ToleratedFailurePercentageExpression = Expression(reader, "ToleratedFailurePercentage"),
            Label = reader.String("Label"),
            ResultSelector = jsonPath ? TaskStateParser.Template(reader, "ResultSelector") : null,
            ResultPath = jsonPath ? reader.Path("ResultPath", JsonPath.Root, reference: true) : JsonPath.Root,
            Retry = ErrorHandlingParser.ParseRetry(reader),
            Catch = ErrorHandlingParser.ParseCatch(reader, jsonPath),
        };
    }

    /// <summary>ASL: ProcessorConfig.Mode, INLINE (the default) or DISTRIBUTED.</summary>
    private static MapProcessorMode ProcessorMode(FieldReader processor)
    {
        var config = processor.Object("ProcessorConfig");
        return config?.String("Mode") switch
        {
            null or "INLINE" => MapProcessorMode.Inline,
            "DISTRIBUTED" => MapProcessorMode.Distributed,
            _ => Invalid(config!),
        };
    }

    private static MapProcessorMode Invalid(FieldReader config)
    {
        config.Problem("Mode", "must be INLINE or DISTRIBUTED");
        return MapProcessorMode.Inline;
    }

    /// <summary>A JSONata "{% %}" expression given for a numeric field.</summary>
    private static string? Expression(FieldReader reader, string field) =>
        reader.Source[field] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static double? Percentage(FieldReader reader)
    {
        var value = reader.Number("ToleratedFailurePercentage");
        if (value is < 0 or > 100)
        {
            reader.Problem("ToleratedFailurePercentage", "must be between 0 and 100");
        }

        return value;
    }
}
