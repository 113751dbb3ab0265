using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Definitions;

/// <summary>Parses one state object by its Type.</summary>
internal static class StateParser
{
    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    private static readonly string[] Flow = ["Next", "End", "InputPath", "OutputPath", "Output", "Assign"];

    /// <summary>Fields only JSONPath states have (Transforming data with JSONata: these are replaced by Arguments and Output).</summary>
    private static readonly HashSet<string> JsonPathOnly =
    [
        "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "ItemsPath", "Iterator", "SecondsPath",
        "TimestampPath", "ErrorPath", "CausePath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath",
        "ToleratedFailureCountPath", "ToleratedFailurePercentagePath",
    ];

    /// <summary>Fields only JSONata states have.</summary>
    private static readonly HashSet<string> JsonataOnly = ["Arguments", "Output", "Items"];

    private static readonly Dictionary<string, HashSet<string>> Allowed = new()
    {
        ["Task"] = Fields(Flow, "Resource", "Parameters", "ResultSelector", "ResultPath", "TimeoutSeconds", "TimeoutSecondsPath",
            "HeartbeatSeconds", "HeartbeatSecondsPath", "Retry", "Catch", "Credentials", "Arguments"),
        ["Pass"] = Fields(Flow, "Parameters", "Result", "ResultPath"),
        ["Choice"] = Fields(["InputPath", "OutputPath", "Output", "Assign"], "Choices", "Default"),
        ["Wait"] = Fields(Flow, "Seconds", "Timestamp", "SecondsPath", "TimestampPath"),
        ["Succeed"] = Fields(["InputPath", "OutputPath", "Output"]),
        ["Fail"] = Fields([], "Error", "Cause", "ErrorPath", "CausePath"),
        ["Parallel"] = Fields(Flow, "Branches", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Arguments"),
        ["Map"] = Fields(Flow, "ItemsPath", "Items", "ItemSelector", "Parameters", "Iterator", "ItemProcessor", "MaxConcurrency",
            "MaxConcurrencyPath", "ResultSelector", "ResultPath", "Retry", "Catch", "ItemReader", "ResultWriter", "ItemBatcher",
            "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
            "Label", "Arguments"),
    };

    public static State? Parse(string name, FieldReader reader, QueryLanguage inherited)
    {
        var type = reader.String("Type", required: true);
        if (type is null)
        {
            return null;
        }

        if (!Allowed.TryGetValue(type, out var allowed))
        {
            reader.Problem("Type", $"'{type}' is not a state type");
            return null;
        }

        reader.OnlyFields(allowed);
        var language = DefinitionParser.ParseQueryLanguage(reader, inherited);
        var foreign = language == QueryLanguage.Jsonata ? JsonPathOnly : JsonataOnly;
        foreach (var (field, _) in reader.Source.Where(p => foreign.Contains(p.Key)))
        {
            reader.Problem(field, $"The field '{field}' is not supported in {(language == QueryLanguage.Jsonata ? "JSONata" : "JSONPath")} states");
        }
        State? state = type switch
        {
            "Task" => TaskStateParser.Parse(name, reader, language),
            "Pass" => ParsePass(name, reader, language),
            "Choice" => ChoiceRuleParser.ParseState(name, reader, language),
            "Wait" => ParseWait(name, reader, language),
            "Succeed" => new SucceedState { Name = name },
            "Fail" => ParseFail(name, reader, language),
            "Parallel" => CompositeStateParser.ParseParallel(name, reader, language),
            _ => CompositeStateParser.ParseMap(name, reader, language),
        };
        if (state is null)
        {
            return null;
        }

        ValidateTransition(type, reader);
        var jsonPath = language == QueryLanguage.JsonPath;
        return state with
        {
            Comment = reader.String("Comment"),
            Next = reader.String("Next"),
            End = reader.Bool("End"),
            InputPath = jsonPath ? reader.Path("InputPath", JsonPath.Root) : JsonPath.Root,
            OutputPath = jsonPath ? reader.Path("OutputPath", JsonPath.Root) : JsonPath.Root,
            QueryLanguage = language,
            Assign = reader.Source["Assign"]?.DeepClone(),
            AssignTemplate = AssignTemplate(reader, jsonPath),
            Output = reader.Raw("Output"),
        };
    }

    private static HashSet<string> Fields(string[] baseFields, params string[] more) => [.. Common, .. baseFields, .. more];

    /// <summary>
    /// ASL: Assign must be an object of variable names (a letter or underscore, then letters, digits and
    /// underscores; <c>states</c> is reserved); JSONPath states compile it as a payload template.
    /// </summary>
    internal static PayloadTemplate? AssignTemplate(FieldReader reader, bool jsonPath)
    {
        if (!reader.Source.TryGetPropertyValue("Assign", out var node))
        {
            return null;
        }

        if (node is not JsonObject assign)
        {
            reader.Problem("Assign", "must be an object of variable names and values");
            return null;
        }

        foreach (var (key, _) in assign)
        {
            var name = jsonPath && key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            if (!IsVariableName(name))
            {
                reader.Problem($"Assign/{key}", $"'{name}' is not a valid variable name");
            }
        }

        return jsonPath ? TaskStateParser.Template(reader, "Assign") : null;
    }

    private static bool IsVariableName(string name) =>
        name.Length is > 0 and <= 80 && name != "states" && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static void ValidateTransition(string type, FieldReader reader)
    {
        var hasNext = reader.Has("Next");
        var end = reader.Source["End"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        if (type is "Choice" or "Succeed" or "Fail")
        {
            return;
        }

        if (hasNext == end)
        {
            reader.Problem(hasNext ? "End" : "Next", "a state must have exactly one of 'Next' or 'End: true'");
        }
    }

    private static PassState ParsePass(string name, FieldReader reader, QueryLanguage language)
    {
        var jsonPath = language == QueryLanguage.JsonPath;
        return new PassState
        {
            Name = name,
            HasResult = reader.Has("Result"),
            Result = reader.Source["Result"]?.DeepClone(),
            Parameters = jsonPath ? TaskStateParser.Template(reader, "Parameters") : null,
            ResultPath = jsonPath ? reader.Path("ResultPath", JsonPath.Root, reference: true) : JsonPath.Root,
        };
    }

    private static WaitState ParseWait(string name, FieldReader reader, QueryLanguage language)
    {
        var set = new[] { "Seconds", "Timestamp", "SecondsPath", "TimestampPath" }.Count(reader.Has);
        if (set != 1)
        {
            reader.Problem("Seconds", "a Wait state must have exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
        }

        if (language == QueryLanguage.Jsonata)
        {
            return new WaitState
            {
                Name = name,
                SecondsExpression = reader.Source["Seconds"]?.DeepClone(),
                TimestampExpression = reader.Source["Timestamp"]?.DeepClone(),
            };
        }

        DateTimeOffset? timestamp = null;
        if (reader.String("Timestamp") is { } text)
        {
            if (Rfc3339.TryParse(text, out var parsed))
            {
                timestamp = parsed;
            }
            else
            {
                reader.Problem("Timestamp", "must be an RFC3339 timestamp");
            }
        }

        return new WaitState
        {
            Name = name,
            Seconds = reader.Integer("Seconds", 0),
            Timestamp = timestamp,
            SecondsPath = reader.Path("SecondsPath", null),
            TimestampPath = reader.Path("TimestampPath", null),
        };
    }

    private static FailState ParseFail(string name, FieldReader reader, QueryLanguage language)
    {
        if (language == QueryLanguage.Jsonata)
        {
            return new FailState { Name = name, Error = reader.String("Error"), Cause = reader.String("Cause") };
        }

        if (reader.Has("Error") && reader.Has("ErrorPath"))
        {
            reader.Problem("ErrorPath", "a Fail state cannot have both Error and ErrorPath");
        }

        if (reader.Has("Cause") && reader.Has("CausePath"))
        {
            reader.Problem("CausePath", "a Fail state cannot have both Cause and CausePath");
        }

        var errorPath = reader.String("ErrorPath");
        var causePath = reader.String("CausePath");
        return new FailState
        {
            Name = name,
            Error = reader.String("Error"),
            Cause = reader.String("Cause"),
            ErrorPath = errorPath is null || IntrinsicCall.IsIntrinsic(errorPath) ? null : reader.Path("ErrorPath", null),
            CausePath = causePath is null || IntrinsicCall.IsIntrinsic(causePath) ? null : reader.Path("CausePath", null),
            ErrorFunction = errorPath is not null && IntrinsicCall.IsIntrinsic(errorPath) ? errorPath : null,
            CauseFunction = causePath is not null && IntrinsicCall.IsIntrinsic(causePath) ? causePath : null,
        };
    }
}
