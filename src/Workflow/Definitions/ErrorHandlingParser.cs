using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Definitions;

/// <summary>Parses Retry and Catch (ASL: Error handling).</summary>
internal static class ErrorHandlingParser
{
    private static readonly HashSet<string> RetrierFields =
        ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"];

    private static readonly HashSet<string> CatcherFields = ["ErrorEquals", "Next", "ResultPath", "Comment", "Output", "Assign"];

    public static IReadOnlyList<Retrier> ParseRetry(FieldReader state)
    {
        var array = state.Array("Retry");
        if (array is null)
        {
            return [];
        }

        var retriers = new List<Retrier>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject node)
            {
                state.Problem($"Retry/{i}", "a retrier must be an object");
                continue;
            }

            var reader = state.Child(node, $"Retry/{i}");
            reader.OnlyFields(RetrierFields);
            var backoff = reader.Number("BackoffRate") ?? 2.0;
            if (backoff < 1.0)
            {
                reader.Problem("BackoffRate", "must be a number greater than or equal to 1.0");
            }

            var jitter = reader.String("JitterStrategy") switch
            {
                null or "NONE" => JitterStrategy.None,
                "FULL" => JitterStrategy.Full,
                _ => Invalid(reader, "JitterStrategy", "must be FULL or NONE"),
            };
            retriers.Add(new Retrier
            {
                ErrorEquals = ErrorEquals(reader, isLast: i == array.Count - 1),
                IntervalSeconds = (int)(reader.Integer("IntervalSeconds", 1) ?? 1),
                MaxAttempts = (int)(reader.Integer("MaxAttempts", 0) ?? 3),
                BackoffRate = backoff,
                MaxDelaySeconds = (int?)reader.Integer("MaxDelaySeconds", 1, 31_622_400),
                JitterStrategy = jitter,
            });
        }

        return retriers;
    }

    public static IReadOnlyList<Catcher> ParseCatch(FieldReader state, bool jsonPath)
    {
        var array = state.Array("Catch");
        if (array is null)
        {
            return [];
        }

        var catchers = new List<Catcher>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject node)
            {
                state.Problem($"Catch/{i}", "a catcher must be an object");
                continue;
            }

            var reader = state.Child(node, $"Catch/{i}");
            reader.OnlyFields(CatcherFields);
            var errors = ErrorEquals(reader, isLast: i == array.Count - 1);
            if (reader.String("Next", required: true) is { } next)
            {
                catchers.Add(new Catcher
                {
                    ErrorEquals = errors,
                    Next = next,
                    ResultPath = jsonPath ? reader.Path("ResultPath", JsonPath.Root, reference: true) : JsonPath.Root,
                    Assign = reader.Source["Assign"]?.DeepClone(),
                    AssignTemplate = StateParser.AssignTemplate(reader, jsonPath),
                    Output = reader.Raw("Output"),
                });
            }
        }

        return catchers;
    }

    /// <summary>ASL: "States.ALL … MUST appear alone in its ErrorEquals array and MUST be in the last retrier/catcher".</summary>
    private static string[] ErrorEquals(FieldReader reader, bool isLast)
    {
        var array = reader.Array("ErrorEquals", required: true);
        if (array is null)
        {
            return [];
        }

        if (array.Count == 0)
        {
            reader.Problem("ErrorEquals", "must list at least one error name");
        }

        var names = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.TryGetValue<string>(out var name))
            {
                names.Add(name);
            }
            else
            {
                reader.Problem($"ErrorEquals/{i}", "must be a string");
            }
        }

        if (names.Contains(ErrorNames.All) && (names.Count > 1 || !isLast))
        {
            reader.Problem("ErrorEquals", "States.ALL must appear alone in the last retrier or catcher");
        }

        return [.. names];
    }

    private static JitterStrategy Invalid(FieldReader reader, string field, string message)
    {
        reader.Problem(field, message);
        return JitterStrategy.None;
    }
}
