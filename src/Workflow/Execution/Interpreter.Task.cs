using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Execution;

/// <summary>ASL: Task State — schedule (events), invoke the handler, then ResultSelector, ResultPath, OutputPath.</summary>
internal sealed partial class Interpreter
{
    private void ScheduleTask(ExecutionRun run, TaskState task, DateTimeOffset now)
    {
        var parameters = TaskParameters(run, task);
        run.TaskInput = parameters;
        var target = task.Target;
        var json = JsonText.Serialize(parameters);
        if (target.IsLambdaFunction)
        {
            run.Emit(new HistoryEvent
            {
                Id = 0,
                Timestamp = now,
                Type = HistoryEventType.LambdaFunctionScheduled,
                Resource = task.Resource,
                Input = json,
                TimeoutInSeconds = task.TimeoutSeconds,
            }, now);
            run.Emit(new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.LambdaFunctionStarted }, now);
        }
        else
        {
            run.Emit(new HistoryEvent
            {
                Id = 0,
                Timestamp = now,
                Type = HistoryEventType.TaskScheduled,
                ResourceType = target.ResourceType,
                Resource = target.ResourceName,
                Region = settings.Region,
                Parameters = json,
                TimeoutInSeconds = task.TimeoutSeconds,
                HeartbeatInSeconds = task.HeartbeatSeconds,
            }, now);
            run.Emit(new HistoryEvent
            {
                Id = 0,
                Timestamp = now,
                Type = HistoryEventType.TaskStarted,
                ResourceType = target.ResourceType,
                Resource = target.ResourceName,
            }, now);
        }

        run.Phase = RunPhase.TaskStarted;
    }

    private async ValueTask<StepKind> InvokeTaskAsync(ExecutionRun run, TaskState task, CancellationToken shutdown)
    {
        var parameters = run.TaskInput ?? TaskParameters(run, task);
        run.TaskInput = null;
        var target = task.Target;
        var (key, payload) = target.Target(parameters, target.IsLambdaInvoke ? EffectiveInput(run, task) : null);
        if (!target.IsLambdaInvoke && payload is not null && ReferenceEquals(payload.Root, run.StateInput?.Root))
        {
            payload = payload.DeepClone();
        }

        TaskOutcome outcome;
        if (handlers.TryGet(key, out var handler))
        {
            var context = new TaskContext(run.Row.Arn, run.Row.Name, run.Row.StateMachineArn, task.Name, task.Resource, run.RetryCount);
            var call = invoker.InvokeAsync(handler, payload, context, task.TimeoutSeconds, run.Cancellation.Token);
            if (!call.IsCompleted && run.HasPendingEvents)
            {
                // The handler is doing real work: record the schedule durably while it runs. A handler that
                // returns at once does not cost a write; a crash before the next write re-runs it (at-least-once).
                _ = store.Append(run.TakeUpdate());
            }

            outcome = await call.ConfigureAwait(false);
        }
        else
        {
            outcome = TaskOutcome.Failure(
                target.IsLambdaFunction || target.IsLambdaInvoke ? "Lambda.ResourceNotFoundException" : ErrorNames.Runtime,
                $"No task handler is registered for '{key}'.");
        }

        shutdown.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        if (outcome.Failed)
        {
            run.Emit(FailureEvent(task, target, outcome), now);
            return HandleError(run, task, outcome.Error!, outcome.Cause, now);
        }

        var result = target.IsLambdaInvoke
            ? TaskResource.WrapInvokeResponse(outcome.Result, run.Row.Arn, run.LastEventId + 1)
            : outcome.Result;
        var json = JsonText.Serialize(result);
        run.Emit(new HistoryEvent
        {
            Id = 0,
            Timestamp = now,
            Type = target.IsLambdaFunction ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded,
            ResourceType = target.IsLambdaFunction ? null : target.ResourceType,
            Resource = target.IsLambdaFunction ? null : target.ResourceName,
            Output = json,
        }, now);
        if (JsonText.ExceedsPayloadLimit(json))
        {
            throw new StatesErrorException(ErrorNames.DataLimitExceeded,
                $"The state/task '{task.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }

        var selected = task.ResultSelector is { } selector ? selector.Build(new PathScope(result, run)) : result;
        var output = ResultPathWriter.Apply(run.StateInput, task.ResultPath, selected);
        return Exit(run, task, ApplyOutputPath(run, task, output), now);
    }

    /// <summary>ASL: InputPath then Parameters give the task's effective input.</summary>
    private static JsonNode? TaskParameters(ExecutionRun run, TaskState task)
    {
        var effective = EffectiveInput(run, task);
        return task.Parameters is { } parameters ? parameters.Build(new PathScope(effective, run)) : effective;
    }

    private static HistoryEvent FailureEvent(TaskState task, TaskResource target, TaskOutcome outcome)
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
