using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;
using StepOrders.Workflow.Storage;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// The run loop: enter the current state, run it, exit, follow Next — until the execution closes or must
/// wait for a timer. Events go to the store in order; only the closing append is awaited, so a crash
/// loses at most the steps after the last commit, which resume re-runs (at-least-once).
/// </summary>
internal sealed partial class Interpreter(
    IExecutionStore store,
    TaskHandlerRegistry handlers,
    TaskInvoker invoker,
    TimeProvider time,
    IJitterSource jitter,
    RuntimeSettings settings)
{
    public async ValueTask<RunOutcome> RunAsync(ExecutionRun run, CancellationToken shutdown)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            StepKind step;
            if (run.AbortRequest is { } abort)
            {
                step = Close(run, ExecutionStatus.Aborted, HistoryEventType.ExecutionAborted, null, abort.Error, abort.Cause, now);
            }
            else if (Deadline(run) is { } deadline && now >= deadline)
            {
                step = Close(run, ExecutionStatus.TimedOut, HistoryEventType.ExecutionTimedOut, null, ErrorNames.Timeout,
                    "The execution timed out (state machine TimeoutSeconds).", now);
            }
            else
            {
                var state = run.Definition.States[run.StateName];
                try
                {
                    step = await StepAsync(run, state, now, shutdown).ConfigureAwait(false);
                }
                catch (StatesErrorException e)
                {
                    step = HandleError(run, state, e.Error, Describe(run, e), time.GetUtcNow());
                }
                catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
                {
                    return RunOutcome.Shutdown;
                }
                catch (OperationCanceledException) when (run.AbortRequest is not null)
                {
                    continue;
                }
            }

            switch (step)
            {
                case StepKind.Park:
                    _ = store.Append(run.TakeUpdate());
                    var due = run.Due!.Value;
                    return RunOutcome.ParkedUntil(Deadline(run) is { } d && d < due ? d : due);
                case StepKind.Close:
                    await store.Append(run.TakeUpdate(run.Row)).ConfigureAwait(false);
                    return RunOutcome.Completed;
            }
        }
    }

    private ValueTask<StepKind> StepAsync(ExecutionRun run, State state, DateTimeOffset now, CancellationToken shutdown)
    {
        switch (run.Phase)
        {
            case RunPhase.Enter:
                return EnterAsync(run, state, now, shutdown);
            case RunPhase.TaskStarted:
                return InvokeTaskAsync(run, (TaskState)state, shutdown);
            case RunPhase.RetryWait when now < run.Due:
            case RunPhase.Waiting when now < run.Due:
                return ValueTask.FromResult(StepKind.Park);
            case RunPhase.RetryWait:
                ScheduleTask(run, (TaskState)state, now);
                return InvokeTaskAsync(run, (TaskState)state, shutdown);
            case RunPhase.Waiting:
                return ValueTask.FromResult(ExitWait(run, (WaitState)state, now));
            default:
                throw new InvalidOperationException($"Execution {run.Row.Arn} is closed.");
        }
    }

    private ValueTask<StepKind> EnterAsync(ExecutionRun run, State state, DateTimeOffset now, CancellationToken shutdown)
    {
        run.StateInputJson ??= JsonText.Serialize(run.StateInput);
        run.Emit(new HistoryEvent
        {
            Id = 0,
            Timestamp = now,
            Type = EnteredType(state),
            Name = state.Name,
            Input = run.StateInputJson,
        }, now);
        run.EnteredEventId = run.LastEventId;
        run.EnteredTime = now;
        run.RetryCounts = state is TaskState { Retry.Count: > 0 } retrying ? new int[retrying.Retry.Count] : [];
        run.RetryCount = 0;
        run.Due = null;
        run.ResetContext();
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            throw StatesErrorException.Runtime("JSONata states are not supported yet.");
        }

        if (state.Assign is not null)
        {
            throw StatesErrorException.Runtime("Assign (variables) is not supported yet.");
        }

        switch (state)
        {
            case TaskState task:
                ScheduleTask(run, task, now);
                return InvokeTaskAsync(run, task, shutdown);
            case PassState pass:
                return ValueTask.FromResult(RunPass(run, pass, now));
            case ChoiceState choice:
                return ValueTask.FromResult(RunChoice(run, choice, now));
            case WaitState wait:
                return ValueTask.FromResult(EnterWait(run, wait, now));
            case SucceedState succeed:
                return ValueTask.FromResult(RunSucceed(run, succeed, now));
            case FailState fail:
                return ValueTask.FromResult(RunFail(run, fail, now));
            default:
                throw StatesErrorException.Runtime($"{state.Type} states are not supported yet.");
        }
    }

    /// <summary>ASL: InputPath — null gives {}.</summary>
    private static JsonNode? EffectiveInput(ExecutionRun run, State state) =>
        state.InputPath is { } path ? new PathScope(run.StateInput, run).Select(path) : new JsonObject();

    /// <summary>ASL: OutputPath — null gives {}.</summary>
    private static JsonNode? ApplyOutputPath(ExecutionRun run, State state, JsonNode? output) =>
        state.OutputPath is { } path ? new PathScope(output, run).Select(path) : new JsonObject();

    private StepKind Exit(ExecutionRun run, State state, JsonNode? output, DateTimeOffset now, string? next = null)
    {
        var json = JsonText.Serialize(output);
        run.Emit(new HistoryEvent { Id = 0, Timestamp = now, Type = ExitedType(state), Name = state.Name, Output = json }, now);
        next ??= state.Next;
        if (next is null)
        {
            return Close(run, ExecutionStatus.Succeeded, HistoryEventType.ExecutionSucceeded, json, null, null, now);
        }

        run.StateName = next;
        run.Phase = RunPhase.Enter;
        run.StateInput = output;
        run.StateInputJson = json;
        return StepKind.Continue;
    }

    private StepKind Close(
        ExecutionRun run, ExecutionStatus status, HistoryEventType type, string? output, string? error, string? cause, DateTimeOffset now)
    {
        run.Emit(new HistoryEvent { Id = 0, Timestamp = now, Type = type, Output = output, Error = error, Cause = cause }, now);
        run.Row = run.Row with { Status = status, Output = output, Error = error, Cause = cause, StopDate = now };
        return StepKind.Close;
    }

    private DateTimeOffset? Deadline(ExecutionRun run) => run.Definition.TimeoutSeconds is { } seconds
        ? (run.Row.RedriveDate ?? run.Row.StartDate) + TimeSpan.FromSeconds(seconds)
        : null;

    private static HistoryEventType EnteredType(State state) => state.Type switch
    {
        StateType.Task => HistoryEventType.TaskStateEntered,
        StateType.Pass => HistoryEventType.PassStateEntered,
        StateType.Choice => HistoryEventType.ChoiceStateEntered,
        StateType.Wait => HistoryEventType.WaitStateEntered,
        StateType.Succeed => HistoryEventType.SucceedStateEntered,
        StateType.Fail => HistoryEventType.FailStateEntered,
        StateType.Parallel => HistoryEventType.ParallelStateEntered,
        _ => HistoryEventType.MapStateEntered,
    };

    private static HistoryEventType ExitedType(State state) => state.Type switch
    {
        StateType.Task => HistoryEventType.TaskStateExited,
        StateType.Pass => HistoryEventType.PassStateExited,
        StateType.Choice => HistoryEventType.ChoiceStateExited,
        StateType.Wait => HistoryEventType.WaitStateExited,
        StateType.Succeed => HistoryEventType.SucceedStateExited,
        StateType.Parallel => HistoryEventType.ParallelStateExited,
        _ => HistoryEventType.MapStateExited,
    };
}
