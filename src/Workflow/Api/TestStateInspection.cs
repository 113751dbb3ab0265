using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Api;

/// <summary>
/// TestState's inspectionData: the raw input, then the data after each step of ASL's input and output processing
/// (InputPath, Parameters, the result, ResultSelector, ResultPath), and which retrier or catcher decided. The
/// task's effective input and result are the ones the run recorded; the other steps are worked out again from the
/// state's fields, and one that reads the context object or variables is left out.
/// </summary>
internal static class TestStateInspection
{
    public static void Write(Utf8JsonWriter writer, State state, TestStateRun run, TestStateVerdict verdict)
    {
        writer.WriteStartObject();
        writer.WriteString("input", run.Input);
        var jsonata = state.QueryLanguage == QueryLanguage.Jsonata;
        var afterInputPath = jsonata ? Step.Skipped : Try(() => state.InputPath is { } path ? Scope(JsonText.Parse(run.Input)).Select(path) : new JsonObject());
        if (!jsonata && afterInputPath.Ok)
        {
            writer.WriteString("afterInputPath", JsonText.Serialize(afterInputPath.Value));
        }

        var (parameters, result) = ParametersAndResult(state, run, afterInputPath);
        writer.WriteOptional(jsonata ? "afterArguments" : "afterParameters", parameters);
        writer.WriteOptional("result", result);
        if (!jsonata && result is not null)
        {
            var selected = state is TaskState { ResultSelector: { } selector }
                ? Try(() => selector.Build(Scope(JsonText.Parse(result))))
                : new Step(true, JsonText.Parse(result));
            if (state is TaskState { ResultSelector: not null } && selected.Ok)
            {
                writer.WriteString("afterResultSelector", JsonText.Serialize(selected.Value));
            }

            var resultPath = state switch { TaskState t => t.ResultPath, PassState p => p.ResultPath, _ => JsonPath.Root };
            var afterResultPath = selected.Ok ? Try(() => ResultPathWriter.Apply(JsonText.Parse(run.Input), resultPath, selected.Value)) : Step.Skipped;
            if (afterResultPath.Ok)
            {
                writer.WriteString("afterResultPath", JsonText.Serialize(afterResultPath.Value));
            }
        }

        if (verdict.RetryIndex is not null || verdict.CatchIndex is not null)
        {
            writer.WriteStartObject("errorDetails");
            if (verdict.RetryIndex is { } retry)
            {
                writer.WriteNumber("retryIndex", retry);
                writer.WriteNumber("retryBackoffIntervalSeconds", (int)Math.Ceiling(verdict.RetryBackoffSeconds ?? 0));
            }

            if (verdict.CatchIndex is { } catcher)
            {
                writer.WriteNumber("catchIndex", catcher);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static (string? Parameters, string? Result) ParametersAndResult(State state, TestStateRun run, Step afterInputPath)
    {
        if (state is TaskState)
        {
            var scheduled = run.Scheduled;
            return (scheduled?.Parameters ?? scheduled?.Input, run.TaskSucceeded?.Output);
        }

        if (state is not PassState pass || !afterInputPath.Ok)
        {
            return (null, null);
        }

        if (pass.HasResult)
        {
            return (null, JsonText.Serialize(pass.Result));
        }

        var built = pass.Parameters is { } template ? Try(() => template.Build(Scope(afterInputPath.Value))) : afterInputPath;
        var text = built.Ok ? JsonText.Serialize(built.Value) : null;
        return (pass.Parameters is null ? null : text, text);
    }

    private static PathScope Scope(JsonNode? input) => new(input, NoContext.Instance);

    private static Step Try(Func<JsonNode?> step)
    {
        try
        {
            return new Step(true, step());
        }
        catch (StatesErrorException)
        {
            return Step.Skipped;
        }
    }

    /// <summary>One processing step's result, or none when it could not be worked out again.</summary>
    private readonly record struct Step(bool Ok, JsonNode? Value)
    {
        public static Step Skipped => new(false, null);
    }

    /// <summary>Steps worked out again here do not see the run's context object or variables.</summary>
    private sealed class NoContext : IPathContext
    {
        public static readonly NoContext Instance = new();

        public JsonNode? ContextObject => throw StatesErrorException.Runtime("The context object is not available to the inspection.");

        public JsonNode? GetVariable(string name) => throw StatesErrorException.Runtime("Variables are not available to the inspection.");
    }
}
