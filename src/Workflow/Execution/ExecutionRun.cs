using System.Text.Json.Nodes;
using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Storage;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// A running execution in memory: identity, its top-level <see cref="Frame"/> (Parallel branches and Map
/// iterations run frames of their own), the events not yet handed to the store, and its scheduling flags.
/// Only one worker runs it at a time; its branches may emit events concurrently.
/// </summary>
internal sealed class ExecutionRun
{
    private readonly Lock gate = new();
    private List<HistoryEvent>? pending;
    private JsonNode? input;

    public ExecutionRun(ExecutionRow row, StateMachineDefinition definition, string stateMachineName)
    {
        Row = row;
        Definition = definition;
        StateMachineName = stateMachineName;
        LastEventId = row.LastEventId;
        Root = new Frame(this, definition, new VariableScope());
    }

    public ExecutionRow Row { get; set; }

    public StateMachineDefinition Definition { get; }

    public string StateMachineName { get; }

    /// <summary>The top-level states' frame, whose position is the execution's checkpoint.</summary>
    public Frame Root { get; private set; }

    public long LastEventId { get; private set; }

    /// <summary>Set by StopExecution: the worker aborts the run at its next step.</summary>
    public (string? Error, string? Cause)? AbortRequest { get; set; }

    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Completes once the closing event is durable.</summary>
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>1 while queued or running on a worker.</summary>
    internal int Scheduled;

    /// <summary>1 when a timer, a stop or a redrive asked for the run to be looked at again.</summary>
    internal int WakeRequested;

    public bool HasPendingEvents
    {
        get
        {
            lock (gate)
            {
                return pending is { Count: > 0 };
            }
        }
    }

    /// <summary>Appends an event (a new one, not yet recorded) with the next id; returns that id.</summary>
    public long Emit(HistoryEvent e, DateTimeOffset now)
    {
        lock (gate)
        {
            var id = ++LastEventId;
            e.Id = id;
            e.PreviousEventId = id - 1;
            e.Timestamp = now;
            (pending ??= new List<HistoryEvent>(e.Type == HistoryEventType.ExecutionStarted ? 1 : 32)).Add(e);
            return id;
        }
    }

    public void Restore(Checkpoint checkpoint)
    {
        Root = new Frame(this, Definition, VariableScope.FromJson(checkpoint.Variables));
        Root.Restore(checkpoint);
    }

    /// <summary>Hands the pending events and the current checkpoint to a store update.</summary>
    public ExecutionUpdate TakeUpdate(ExecutionRow? closing = null)
    {
        IReadOnlyList<HistoryEvent> events;
        long last;
        lock (gate)
        {
            events = pending ?? (IReadOnlyList<HistoryEvent>)[];
            pending = null;
            last = LastEventId;
        }

        return new ExecutionUpdate
        {
            ExecutionId = Row.Id,
            Events = events,
            LastEventId = last,
            // A succeeded execution is neither resumed nor redriven: its checkpoint is left as it was.
            Checkpoint = closing is { Status: ExecutionStatus.Succeeded, Checkpoint: { } kept } ? kept : Root.ToCheckpoint().ToJson(),
            Status = closing?.Status,
            Output = closing?.Output,
            Error = closing?.Error,
            Cause = closing?.Cause,
            StopDate = closing?.StopDate,
            RedriveCount = (closing ?? Row).RedriveCount,
            RedriveDate = (closing ?? Row).RedriveDate,
        };
    }

    /// <summary>The context object without its State part: Execution and StateMachine.</summary>
    public JsonObject ContextBase()
    {
        JsonNode? executionInput;
        lock (gate)
        {
            input ??= JsonNode.Parse(Row.Input);
            executionInput = input?.DeepClone();
        }

        var execution = new JsonObject
        {
            ["Id"] = Row.Arn,
            ["Input"] = executionInput,
            ["Name"] = Row.Name,
            ["StartTime"] = Timestamps.Format(Row.StartDate),
            ["RedriveCount"] = Row.RedriveCount,
        };
        if (Row.RedriveDate is { } redriven)
        {
            execution["RedriveTime"] = Timestamps.Format(redriven);
        }

        return new JsonObject
        {
            ["Execution"] = execution,
            ["StateMachine"] = new JsonObject { ["Id"] = Row.StateMachineArn, ["Name"] = StateMachineName },
        };
    }
}
