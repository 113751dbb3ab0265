using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Execution.Actions;

/// <summary>
/// ASL: Task State — schedule (events), invoke the handler, then ResultSelector, ResultPath, OutputPath
/// (JSONPath) or Output (JSONata). The payload is Parameters (JSONPath) or Arguments (JSONata).
/// </summary>
internal sealed class TaskAction(Interpreter interpreter, TaskHandlerRegistry handlers, TaskInvoker invoker)
    : StateAction<TaskState>(interpreter)
{
    protected override ValueTask<Transition> EnterAsync(Frame frame, TaskState task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Schedule(frame, task, now);
        return InvokeAsync(frame, task, cancellationToken);
    }

    /// <summary>After a crash the scheduled task is invoked again; after a retrier's wait it is scheduled again.</summary>
    protected override ValueTask<Transition> ResumeAsync(Frame frame, TaskState task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (frame.Phase == RunPhase.RetryWait)
        {
            Schedule(frame, task, now);
        }

        return InvokeAsync(frame, task, cancellationToken);
    }

    private void Schedule(Frame frame, TaskState task, DateTimeOffset now)
    {
        // The payload is most often the state input itself (InputPath "$", no Parameters), whose text is known.
        var payload = Payload(frame, task);
        var json = ReferenceEquals(payload, frame.StateInput) && frame.StateInputJson is { } inputJson
            ? inputJson
            : JsonText.SerializeUtf8(payload);
        var target = task.Target;

        // As a Lambda function gets JSON text, a handler gets the payload parsed from it: numbers that JSONata or
        // an intrinsic function computed then read like any others (GetValue<int> and so on).
        frame.TaskInput = JsonText.Parse(json);
        var timeout = TimeoutSeconds(frame, task);
        if (target.IsLambdaFunction)
        {
            frame.Emit(new HistoryEvent
            {
                Id = 0,
                Timestamp = now,
                Type = HistoryEventType.LambdaFunctionScheduled,
                Resource = task.Resource,
                InputUtf8 = json,
                TimeoutInSeconds = timeout,
            }, now);
            frame.Emit(new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.LambdaFunctionStarted }, now);
        }
        else
        {
            frame.Emit(new HistoryEvent
            {
                Id = 0,
                Timestamp = now,
                Type = HistoryEventType.TaskScheduled,
                ResourceType = target.ResourceType,
                Resource = target.ResourceName,
                Region = Interpreter.Settings.Region,
                ParametersUtf8 = json,
                TimeoutInSeconds = timeout,
                HeartbeatInSeconds = HeartbeatSeconds(frame, task),
            }, now);
            frame.Emit(new HistoryEvent
            {
                Id = 0,
                Timestamp = now,
                Type = HistoryEventType.TaskStarted,
                ResourceType = target.ResourceType,
                Resource = target.ResourceName,
            }, now);
        }

        frame.Phase = RunPhase.TaskStarted;
    }

    private async ValueTask<Transition> InvokeAsync(Frame frame, TaskState task, CancellationToken cancellationToken)
    {
        var parameters = frame.TaskInput ?? Payload(frame, task);
        frame.TaskInput = null;
        var target = task.Target;
        var (key, payload) = target.Target(parameters, target.IsLambdaInvoke ? DataFlow.EffectiveInput(frame, task) : null);
        if (!target.IsLambdaInvoke && payload is not null && ReferenceEquals(payload.Root, frame.StateInput?.Root))
        {
            payload = payload.DeepClone();
        }

        TaskOutcome outcome;
        if (handlers.TryGet(key, out var handler))
        {
            var context = new TaskContext(frame.Run.Row.Arn, frame.Run.Row.Name, frame.Run.Row.StateMachineArn, task.Name, task.Resource, frame.RetryCount);
            var call = invoker.InvokeAsync(
                handler, payload, context, TimeoutSeconds(frame, task), HeartbeatSeconds(frame, task), cancellationToken);
            if (!call.IsCompleted && frame.IsRoot && frame.Run.HasPendingEvents)
            {
                // The handler is doing real work: record the schedule durably while it runs. A handler that
                // returns at once does not cost a write; a crash before the next write re-runs it (at-least-once).
                _ = Interpreter.Store.Append(frame.Run.TakeUpdate());
            }

            outcome = await call.ConfigureAwait(false);
        }
        else
        {
            outcome = TaskOutcome.Failure(
                target.IsLambdaFunction || target.IsLambdaInvoke ? "Lambda.ResourceNotFoundException" : ErrorNames.Runtime,
                $"No task handler is registered for '{key}'.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var now = Interpreter.Time.GetUtcNow();
        if (outcome.Failed)
        {
            frame.Emit(FailureEvent(target, outcome), now);
            throw new StatesErrorException(outcome.Error, outcome.Cause);
        }

        var result = target.IsLambdaInvoke
            ? TaskResource.WrapInvokeResponse(outcome.Result, frame.Run.Row.Arn, frame.Run.LastEventId + 1)
            : outcome.Result;
        var json = JsonText.SerializeUtf8(result);
        frame.Emit(new HistoryEvent
        {
            Id = 0,
            Timestamp = now,
            Type = target.IsLambdaFunction ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded,
            ResourceType = target.IsLambdaFunction ? null : target.ResourceType,
            Resource = target.IsLambdaFunction ? null : target.ResourceName,
            OutputUtf8 = json,
        }, now);
        if (JsonText.ExceedsPayloadLimit(json))
        {
            throw new StatesErrorException(ErrorNames.DataLimitExceeded,
                $"The state/task '{task.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }

        return Finish(frame, task, result, now);
    }

    private Transition Finish(Frame frame, TaskState task, JsonNode? result, DateTimeOffset now)
    {
        if (task.QueryLanguage == QueryLanguage.Jsonata)
        {
            var bindings = DataFlow.Bindings(frame, "result", result);
            var assigned = Data.Assignments(frame, task, task.Assign, null, null, bindings);
            return Interpreter.Exit(frame, task, Data.Output(task.Output, result, bindings), assigned, now);
        }

        var selected = task.ResultSelector is { } selector ? selector.Build(new PathScope(result, frame)) : result;
        var assignments = Data.Assignments(frame, task, null, task.AssignTemplate, selected, null);
        var output = ResultPathWriter.Apply(frame.StateInput, task.ResultPath, selected);
        return Interpreter.Exit(frame, task, DataFlow.ApplyOutputPath(frame, task, output), assignments, now);
    }

    /// <summary>JSONPath: InputPath then Parameters; JSONata: Arguments (default: the state input).</summary>
    private JsonNode? Payload(Frame frame, TaskState task)
    {
        if (task.QueryLanguage == QueryLanguage.Jsonata)
        {
            return task.Arguments is { } arguments
                ? Data.Evaluate("Arguments", arguments.Source, DataFlow.Bindings(frame))
                : frame.StateInput?.DeepClone();
        }

        var effective = DataFlow.EffectiveInput(frame, task);
        return task.Parameters is { } parameters ? parameters.Build(new PathScope(effective, frame)) : effective;
    }

    /// <summary>TimeoutSeconds: literal, by TimeoutSecondsPath, or (JSONata) an expression; a positive integer.</summary>
    private int? TimeoutSeconds(Frame frame, TaskState task) =>
        Seconds(frame, task, task.TimeoutSeconds, task.TimeoutSecondsPath, task.TimeoutSecondsExpression, "TimeoutSeconds");

    /// <summary>HeartbeatSeconds: literal, by HeartbeatSecondsPath, or (JSONata) an expression; a positive integer.</summary>
    private int? HeartbeatSeconds(Frame frame, TaskState task) =>
        Seconds(frame, task, task.HeartbeatSeconds, task.HeartbeatSecondsPath, task.HeartbeatSecondsExpression, "HeartbeatSeconds");

    private int? Seconds(Frame frame, TaskState task, int? literal, JsonPath? path, string? expression, string field)
    {
        JsonNode? value;
        if (path is not null)
        {
            value = new PathScope(DataFlow.EffectiveInput(frame, task), frame).Select(path);
            field += "Path";
        }
        else if (expression is not null)
        {
            value = Data.Evaluate(field, JsonValue.Create(expression), DataFlow.Bindings(frame), "number");
        }
        else
        {
            return literal;
        }

        return JsonNumber.TryGetInt64(value, out var seconds) && seconds is > 0 and <= int.MaxValue
            ? (int)seconds
            : throw StatesErrorException.Runtime($"The {field} field must resolve to a positive integer, but was: {JsonText.Serialize(value)}");
    }

    private static HistoryEvent FailureEvent(TaskResource target, TaskOutcome outcome)
    {
        var type = (target.IsLambdaFunction, outcome.TimedOut) switch
        {
            (true, true) => HistoryEventType.LambdaFunctionTimedOut,
            (true, false) => HistoryEventType.LambdaFunctionFailed,
            (false, true) => HistoryEventType.TaskTimedOut,
            _ => HistoryEventType.TaskFailed,
        };
        return new HistoryEvent
        {
            Id = 0,
            Timestamp = default,
            Type = type,
            ResourceType = target.IsLambdaFunction ? null : target.ResourceType,
            Resource = target.IsLambdaFunction ? null : target.ResourceName,
            Error = outcome.Error,
            Cause = outcome.Cause,
        };
    }
}
