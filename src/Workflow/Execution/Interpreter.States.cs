using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Choices;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution;

/// <summary>The states that do their work inline: Pass, Choice, Wait, Succeed, Fail.</summary>
internal sealed partial class Interpreter
{
    private StepKind RunPass(ExecutionRun run, PassState pass, DateTimeOffset now)
    {
        var effective = EffectiveInput(run, pass);
        JsonNode? result;
        if (pass.HasResult)
        {
            result = pass.Result?.DeepClone();
            CheckResultSize(pass, result);
        }
        else
        {
            result = pass.Parameters is { } parameters ? parameters.Build(new PathScope(effective, run)) : effective;
        }

        var output = ResultPathWriter.Apply(run.StateInput, pass.ResultPath, result);
        return Exit(run, pass, ApplyOutputPath(run, pass, output), now);
    }

    private StepKind RunChoice(ExecutionRun run, ChoiceState choice, DateTimeOffset now)
    {
        var effective = EffectiveInput(run, choice);
        var scope = new PathScope(effective, run);
        var next = choice.Choices.FirstOrDefault(rule => ChoiceEvaluator.Matches(rule, scope))?.Next ?? choice.Default
            ?? throw new StatesErrorException(ErrorNames.NoChoiceMatched, $"No Matches! (state '{choice.Name}')");
        return Exit(run, choice, ApplyOutputPath(run, choice, effective), now, next);
    }

    private StepKind EnterWait(ExecutionRun run, WaitState wait, DateTimeOffset now)
    {
        var effective = EffectiveInput(run, wait);
        var until = wait switch
        {
            { Seconds: { } seconds } => now + TimeSpan.FromSeconds(seconds),
            { Timestamp: { } timestamp } => timestamp,
            { SecondsPath: { } path } => now + TimeSpan.FromSeconds(SecondsAt(run, path, effective)),
            { TimestampPath: { } path } => TimestampAt(run, path, effective),
            _ => now,
        };
        var due = now + Scale(until - now);
        if (due <= now)
        {
            return ExitWait(run, wait, now);
        }

        run.Phase = RunPhase.Waiting;
        run.Due = due;
        return StepKind.Park;
    }

    private StepKind ExitWait(ExecutionRun run, WaitState wait, DateTimeOffset now)
    {
        run.Due = null;
        return Exit(run, wait, ApplyOutputPath(run, wait, EffectiveInput(run, wait)), now);
    }

    private static long SecondsAt(ExecutionRun run, JsonPath path, JsonNode? input)
    {
        var value = new PathScope(input, run).Select(path);
        if (value?.GetValueKind() != JsonValueKind.Number || !value.GetValue<JsonElement>().TryGetInt64(out var seconds))
        {
            throw StatesErrorException.Runtime(
                $"The SecondsPath parameter cannot be parsed as a long value: {path.Text} == {JsonText.Serialize(value)}");
        }

        return seconds >= 0
            ? seconds
            : throw StatesErrorException.Runtime(
                $"The SecondsPath parameter references a negative value: {path.Text} == {seconds.ToString(CultureInfo.InvariantCulture)}");
    }

    private static DateTimeOffset TimestampAt(ExecutionRun run, JsonPath path, JsonNode? input)
    {
        var value = new PathScope(input, run).Select(path);
        return value?.GetValueKind() == JsonValueKind.String && Rfc3339.TryParse(value.GetValue<string>(), out var timestamp)
            ? timestamp
            : throw StatesErrorException.Runtime(
                $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {path.Text} == {JsonText.Serialize(value)}");
    }

    /// <summary>The time scale (like Step Functions Local's WAIT_TIME_SCALE) shrinks Wait and Retry delays.</summary>
    private TimeSpan Scale(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(delay.Ticks * settings.TimeScale));

    private StepKind RunSucceed(ExecutionRun run, SucceedState succeed, DateTimeOffset now) =>
        Exit(run, succeed, ApplyOutputPath(run, succeed, EffectiveInput(run, succeed)), now);

    /// <summary>ASL: Fail State — Error/Cause literal, by path (must select a string) or by intrinsic function.</summary>
    private StepKind RunFail(ExecutionRun run, FailState fail, DateTimeOffset now)
    {
        var scope = new PathScope(run.StateInput, run);
        var error = fail.Error ?? Text(scope, fail.ErrorPath, fail.ErrorFunction, "ErrorPath");
        var cause = fail.Cause ?? Text(scope, fail.CausePath, fail.CauseFunction, "CausePath");
        return Close(run, ExecutionStatus.Failed, HistoryEventType.ExecutionFailed, null, error, cause, now);
    }

    private static string? Text(PathScope scope, JsonPath? path, string? function, string field)
    {
        var value = path is not null ? scope.Select(path) : function is not null ? IntrinsicCall.Evaluate(function, scope) : null;
        if (path is null && function is null)
        {
            return null;
        }

        return value?.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw StatesErrorException.Runtime($"The {field} field must resolve to a string, but was: {JsonText.Serialize(value)}");
    }

    private static void CheckResultSize(State state, JsonNode? result)
    {
        if (result is not null && JsonText.ExceedsPayloadLimit(JsonText.Serialize(result)))
        {
            throw new StatesErrorException(ErrorNames.DataLimitExceeded,
                $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}
