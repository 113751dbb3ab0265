using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Definitions;

/// <summary>Parses a Task state's own fields.</summary>
internal static class TaskStateParser
{
    public static TaskState? Parse(string name, FieldReader reader, QueryLanguage language)
    {
        var resource = reader.String("Resource", required: true);
        if (resource is null)
        {
            return null;
        }

        var jsonPath = language == QueryLanguage.JsonPath;
        var timeout = IsExpression(reader, "TimeoutSeconds") ? null : reader.Integer("TimeoutSeconds", 1);
        var heartbeat = IsExpression(reader, "HeartbeatSeconds") ? null : reader.Integer("HeartbeatSeconds", 1);
        if (heartbeat is not null && timeout is not null && heartbeat >= timeout)
        {
            reader.Problem("HeartbeatSeconds", "must be smaller than TimeoutSeconds");
        }

        return new TaskState
        {
            Name = name,
            Resource = resource,
            Parameters = jsonPath ? Template(reader, "Parameters") : null,
            ResultSelector = jsonPath ? Template(reader, "ResultSelector") : null,
            ResultPath = jsonPath ? reader.Path("ResultPath", JsonPath.Root, reference: true) : JsonPath.Root,
            TimeoutSeconds = (int?)timeout,
            TimeoutSecondsPath = reader.Path("TimeoutSecondsPath", null),
            HeartbeatSeconds = (int?)heartbeat,
            HeartbeatSecondsPath = reader.Path("HeartbeatSecondsPath", null),
            TimeoutSecondsExpression = IsExpression(reader, "TimeoutSeconds") ? reader.String("TimeoutSeconds") : null,
            HeartbeatSecondsExpression = IsExpression(reader, "HeartbeatSeconds") ? reader.String("HeartbeatSeconds") : null,
            Retry = ErrorHandlingParser.ParseRetry(reader),
            Catch = ErrorHandlingParser.ParseCatch(reader, jsonPath),
            Arguments = reader.Raw("Arguments"),
        };
    }

    /// <summary>A payload template field (Parameters, ResultSelector, ItemSelector), compiled.</summary>
    public static PayloadTemplate? Template(FieldReader reader, string field)
    {
        if (!reader.Source.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        return PayloadTemplate.Compile(node?.DeepClone(), $"{reader.At}/{field}", reader.Problems);
    }

    private static bool IsExpression(FieldReader reader, string field) =>
        reader.Source[field] is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String;
}
