using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution.Actions;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Jsonata;
using StepOrders.Workflow.States;
using StepOrders.Workflow.Storage;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// The run loop: enter the current state, run it, exit, follow Next — until the frame ends or must wait
/// for a timer. The execution's top-level frame parks on timers (durable) and closes the execution; the
/// frames of Parallel branches and Map iterations wait in memory and end with an output or an error.
/// Events go to the store in order; only the closing append is awaited, so a crash loses at most the steps
/// after the last commit, which resume re-runs (at-least-once).
/// </summary>
/// <remarks>
/// Limits of durability inside Parallel and Map: only the top-level frame is checkpointed, and nothing is
/// appended while branches run, so after a crash the whole Parallel or Map state runs again from its start
/// (its handlers may be called again; the history stays one clean sequence). A redrive likewise re-runs the
/// whole top-level state that failed, not only the failed iterations as AWS does. Waits and retry delays
/// inside branches are held in memory (scaled like the others), not on durable timers.
/// </remarks>
internal sealed partial class Interpreter
{
    private readonly IExecutionStore store;
    private readonly TimeProvider time;
    private readonly IJitterSource jitter;
    private readonly RuntimeSettings settings;
    private readonly Dictionary<StateType, StateAction> actions;

    public Interpreter(
        IExecutionStore store,
        TaskHandlerRegistry handlers,
        TaskInvoker invoker,
        TimeProvider time,
        IJitterSource jitter,
        RuntimeSettings settings,
        JsonataEvaluator jsonata)
    {
        this.store = store;
        this.time = time;
        this.jitter = jitter;
        this.settings = settings;
        Data = new DataFlow(jsonata);
        actions = new()
        {
            [StateType.Pass] = new PassAction(this),
            [StateType.Choice] = new ChoiceAction(this),
            [StateType.Wait] = new WaitAction(this),
            [StateType.Succeed] = new SucceedAction(this),
            [StateType.Fail] = new FailAction(this),
            [StateType.Task] = new TaskAction(this, handlers, invoker),
            [StateType.Parallel] = new ParallelAction(this),
            [StateType.Map] = new MapAction(this),
        };
    }

    public DataFlow Data { get; }

    public TimeProvider Time => time;

    public RuntimeSettings Settings => settings;

    public IExecutionStore Store => store;

    /// <summary>Runs the execution's top-level frame until it closes, parks on a timer, or the runtime shuts down.</summary>
    public async ValueTask<RunOutcome> RunAsync(ExecutionRun run, CancellationToken shutdown)
    {
        var frame = run.Root;
        // Without TimeoutSeconds the run's own token is the only one: no timer and no linked source per run.
        using var deadlineReached = Deadline(run) is { } end
            ? new CancellationTokenSource(Max(end - time.GetUtcNow(), TimeSpan.Zero), time)
            : null;
        using var linked = deadlineReached is null
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation.Token, deadlineReached.Token);
        var stopping = linked?.Token ?? run.Cancellation.Token;
        while (true)
        {
            var now = time.GetUtcNow();
            if (run.AbortRequest is { } abort)
            {
                return await CloseAsync(run, ExecutionStatus.Aborted, HistoryEventType.ExecutionAborted, null, abort.Error, abort.Cause, now)
                    .ConfigureAwait(false);
            }

            if (Deadline(run) is { } deadline && (now >= deadline || deadlineReached?.IsCancellationRequested == true))
            {
                return await CloseAsync(run, ExecutionStatus.TimedOut, HistoryEventType.ExecutionTimedOut, null, ErrorNames.Timeout,
                    "The execution timed out (state machine TimeoutSeconds).", now).ConfigureAwait(false);
            }

            Transition step;
            try
            {
                step = await StepAsync(frame, now, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                return RunOutcome.Shutdown;
            }
            catch (OperationCanceledException) when (run.AbortRequest is not null || deadlineReached?.IsCancellationRequested == true)
            {
                // Stopped, or past the state machine's TimeoutSeconds while a task, branch or iteration ran.
                continue;
            }

            switch (step.Kind)
            {
                case TransitionKind.Park:
                    _ = store.Append(run.TakeUpdate());
                    var due = frame.Due!.Value;
                    return RunOutcome.ParkedUntil(Deadline(run) is { } d && d < due ? d : due);
                case TransitionKind.Succeeded:
                    return await CloseAsync(run, ExecutionStatus.Succeeded, HistoryEventType.ExecutionSucceeded,
                        step.OutputJson is { } json ? JsonText.Text(json) : JsonText.Serialize(step.Output), null, null, time.GetUtcNow())
                        .ConfigureAwait(false);
                case TransitionKind.Failed:
                    return await CloseAsync(run, ExecutionStatus.Failed, HistoryEventType.ExecutionFailed,
                        null, step.Error, step.Cause, time.GetUtcNow()).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Runs the frame of a Parallel branch or a Map iteration to its end. Its timers (Wait, Retry) are
    /// waited in memory; <paramref name="cancellationToken"/> aborts it (a sibling failed, or the execution stops).
    /// </summary>
    public async Task<Transition> RunBranchAsync(Frame frame, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = time.GetUtcNow();
            var step = await StepAsync(frame, now, cancellationToken).ConfigureAwait(false);
            switch (step.Kind)
            {
                case TransitionKind.Park:
                    await Task.Delay(frame.Due!.Value - now, time, cancellationToken).ConfigureAwait(false);
                    break;
                case TransitionKind.Succeeded or TransitionKind.Failed:
                    return step;
            }
        }
    }

    private async ValueTask<Transition> StepAsync(Frame frame, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = frame.Definition.States[frame.StateName];
        var action = actions[state.Type];
        try
        {
            switch (frame.Phase)
            {
                case RunPhase.Enter:
                    Enter(frame, state, now);
                    return await action.EnterAsync(frame, state, now, cancellationToken).ConfigureAwait(false);
                case RunPhase.RetryWait or RunPhase.Waiting when now < frame.Due:
                    return Transition.Park;
                case RunPhase.Closed:
                    throw new InvalidOperationException($"Execution {frame.Run.Row.Arn} is closed.");
                default:
                    return await action.ResumeAsync(frame, state, now, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StatesErrorException e)
        {
            return HandleError(frame, state, e.Error, Describe(frame, e), time.GetUtcNow());
        }
    }

    private void Enter(Frame frame, State state, DateTimeOffset now)
    {
        frame.StateInputJson ??= JsonText.SerializeUtf8(frame.StateInput);
        frame.EnteredEventId = frame.Emit(new HistoryEvent
        {
            Id = 0,
            Timestamp = now,
            Type = EnteredType(state),
            Name = state.Name,
            InputUtf8 = frame.StateInputJson,
        }, now);
        frame.EnteredTime = now;
        frame.RetryCounts = state is IErrorHandling { Retry.Count: > 0 } retrying ? new int[retrying.Retry.Count] : [];
        frame.RetryCount = 0;
        frame.Due = null;
        frame.ResetContext();
    }

    /// <summary>
    /// Leaves the state: records StateExited with the output, sets the variables the state assigned, and
    /// goes to <paramref name="next"/> (else the state's Next) or ends the frame when there is none.
    /// </summary>
    public Transition Exit(Frame frame, State state, JsonNode? output, JsonObject? assigned, DateTimeOffset now, string? next = null)
    {
        var json = JsonText.SerializeUtf8(output);
        if (JsonText.ExceedsPayloadLimit(json))
        {
            throw new StatesErrorException(ErrorNames.DataLimitExceeded,
                $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }

        var variables = assigned is null ? null : AssignedVariables(state, assigned);
        frame.Emit(new HistoryEvent
        {
            Id = 0,
            Timestamp = now,
            Type = ExitedType(state),
            Name = state.Name,
            OutputUtf8 = json,
            AssignedVariables = variables,
        }, now);
        if (assigned is not null)
        {
            frame.Variables.Set(assigned);
        }

        next ??= state.Next;
        if (next is null)
        {
            return Transition.Succeeded(output, json);
        }

        frame.MoveTo(next, output, json);
        return Transition.Continue;
    }

    /// <summary>
    /// The StateExited record of an Assign: each value's JSON text. "The size of assigned variables cannot
    /// exceed 256 KiB" per state (Passing data between states with variables: limits).
    /// </summary>
    private static string AssignedVariables(State state, JsonObject assigned)
    {
        var texts = new JsonObject();
        var size = 0;
        foreach (var (name, value) in assigned)
        {
            var text = JsonText.Serialize(value);
            size += text.Length + name.Length;
            texts[name] = text;
        }

        var json = JsonText.Serialize(texts);
        return size > JsonText.MaxPayloadBytes / 3 && JsonText.ExceedsPayloadLimit(json)
            ? throw new StatesErrorException(ErrorNames.DataLimitExceeded,
                $"The state '{state.Name}' assigned variables whose size exceeds the maximum number of bytes service limit.")
            : json;
    }

    /// <summary>Emits an event of the frame's execution at the current time.</summary>
    public long Emit(Frame frame, HistoryEvent e) => frame.Emit(e, time.GetUtcNow());

    /// <summary>The time scale (like Step Functions Local's WAIT_TIME_SCALE) shrinks Wait and Retry delays.</summary>
    public TimeSpan Scale(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(delay.Ticks * settings.TimeScale));

    private async ValueTask<RunOutcome> CloseAsync(
        ExecutionRun run, ExecutionStatus status, HistoryEventType type, string? output, string? error, string? cause, DateTimeOffset now)
    {
        run.Emit(new HistoryEvent { Id = 0, Timestamp = now, Type = type, Output = output, Error = error, Cause = cause }, now);
        run.Root.Phase = RunPhase.Closed;
        run.Row = run.Row with { Status = status, Output = output, Error = error, Cause = cause, StopDate = now };
        await store.Append(run.TakeUpdate(run.Row)).ConfigureAwait(false);
        return RunOutcome.Completed;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset? Deadline(ExecutionRun run) => run.Definition.TimeoutSeconds is { } seconds
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
