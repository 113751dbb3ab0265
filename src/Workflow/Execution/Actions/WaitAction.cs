using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution.Actions;

/// <summary>
/// ASL: Wait State — waits Seconds or until Timestamp (literal, by path, or a JSONata expression), then
/// passes its input on. The top-level frame parks on a durable timer; branches wait in memory.
/// </summary>
internal sealed class WaitAction(Interpreter interpreter) : StateAction<WaitState>(interpreter)
{
    protected override ValueTask<Transition> EnterAsync(Frame frame, WaitState wait, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = wait.QueryLanguage == QueryLanguage.Jsonata ? UntilJsonata(frame, wait, now) : UntilJsonPath(frame, wait, now);
        var due = now + Interpreter.Scale(until - now);
        if (due <= now)
        {
            return ValueTask.FromResult(Leave(frame, wait, now));
        }

        frame.Phase = RunPhase.Waiting;
        frame.Due = due;
        return ValueTask.FromResult(Transition.Park);
    }

    protected override ValueTask<Transition> ResumeAsync(Frame frame, WaitState wait, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Leave(frame, wait, now));

    private Transition Leave(Frame frame, WaitState wait, DateTimeOffset now)
    {
        frame.Due = null;
        if (wait.QueryLanguage == QueryLanguage.Jsonata)
        {
            var bindings = DataFlow.Bindings(frame);
            var assigned = Data.Assignments(frame, wait, wait.Assign, null, null, bindings);
            return Interpreter.Exit(frame, wait, Data.Output(wait.Output, frame.StateInput, bindings), assigned, now);
        }

        var effective = DataFlow.EffectiveInput(frame, wait);
        var assignments = Data.Assignments(frame, wait, null, wait.AssignTemplate, effective, null);
        return Interpreter.Exit(frame, wait, DataFlow.ApplyOutputPath(frame, wait, effective), assignments, now);
    }

    private static DateTimeOffset UntilJsonPath(Frame frame, WaitState wait, DateTimeOffset now)
    {
        var effective = DataFlow.EffectiveInput(frame, wait);
        return wait switch
        {
            { Seconds: { } seconds } => now + TimeSpan.FromSeconds(seconds),
            { Timestamp: { } timestamp } => timestamp,
            { SecondsPath: { } path } => now + TimeSpan.FromSeconds(SecondsAt(frame, path, effective)),
            { TimestampPath: { } path } => TimestampAt(frame, path, effective),
            _ => now,
        };
    }

    private DateTimeOffset UntilJsonata(Frame frame, WaitState wait, DateTimeOffset now)
    {
        var bindings = DataFlow.Bindings(frame);
        if (wait.SecondsExpression is { } secondsField)
        {
            var value = Data.Evaluate("Seconds", secondsField, bindings, "number");
            return JsonNumber.TryGetInt64(value, out var seconds) && seconds >= 0
                ? now + TimeSpan.FromSeconds(seconds)
                : throw StatesErrorException.QueryEvaluation(
                    $"The Seconds field must be a non-negative integer, but was: {JsonText.Serialize(value)}");
        }

        if (wait.TimestampExpression is { } timestampField)
        {
            var value = Data.Evaluate("Timestamp", timestampField, bindings, "string");
            return value?.GetValueKind() == JsonValueKind.String && Rfc3339.TryParse(value.GetValue<string>(), out var timestamp)
                ? timestamp
                : throw StatesErrorException.QueryEvaluation(
                    $"The Timestamp field must be an ISO-8601 extended offset date-time format string, but was: {JsonText.Serialize(value)}");
        }

        return now;
    }

    private static long SecondsAt(Frame frame, JsonPath path, JsonNode? input)
    {
        var value = new PathScope(input, frame).Select(path);
        if (!JsonNumber.TryGetInt64(value, out var seconds))
        {
            throw StatesErrorException.Runtime(
                $"The SecondsPath parameter cannot be parsed as a long value: {path.Text} == {JsonText.Serialize(value)}");
        }

        return seconds >= 0
            ? seconds
            : throw StatesErrorException.Runtime(
                $"The SecondsPath parameter references a negative value: {path.Text} == {seconds.ToString(CultureInfo.InvariantCulture)}");
    }

    private static DateTimeOffset TimestampAt(Frame frame, JsonPath path, JsonNode? input)
    {
        var value = new PathScope(input, frame).Select(path);
        return value?.GetValueKind() == JsonValueKind.String && Rfc3339.TryParse(value.GetValue<string>(), out var timestamp)
            ? timestamp
            : throw StatesErrorException.Runtime(
                $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {path.Text} == {JsonText.Serialize(value)}");
    }
}
