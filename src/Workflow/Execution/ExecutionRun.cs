using System.Text.Json.Nodes;
using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.Storage;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// A running execution in memory: identity, the cursor the interpreter moves, the events not yet handed
/// to the store, and its scheduling flags. Only one worker runs it at a time.
/// </summary>
internal sealed class ExecutionRun(ExecutionRow row, StateMachineDefinition definition, string stateMachineName)
    : IPathContext
{
    private List<HistoryEvent> pending = new(8);
    private JsonObject? context;
    private JsonNode? input;

    public ExecutionRow Row { get; set; } = row;

    public StateMachineDefinition Definition { get; } = definition;

    public string StateMachineName { get; } = stateMachineName;

    public string StateName { get; set; } = definition.StartAt;

    public RunPhase Phase { get; set; }

    public JsonNode? StateInput { get; set; }

    public string? StateInputJson { get; set; }

    public long EnteredEventId { get; set; }

    public DateTimeOffset EnteredTime { get; set; }

    public int[] RetryCounts { get; set; } = [];

    /// <summary>Retries of the current state so far ($$.State.RetryCount).</summary>
    public int RetryCount { get; set; }

    public DateTimeOffset? Due { get; set; }

    /// <summary>The task's effective input between scheduling and invoking (not durable: recomputed on resume).</summary>
    public JsonNode? TaskInput { get; set; }

    public long LastEventId { get; set; } = row.LastEventId;

    /// <summary>Set by StopExecution: the worker aborts the run at its next step.</summary>
    public (string? Error, string? Cause)? AbortRequest { get; set; }

    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Completes once the closing event is durable.</summary>
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>1 while queued or running on a worker.</summary>
    internal int Scheduled;

    /// <summary>1 when a timer, a stop or a redrive asked for the run to be looked at again.</summary>
    internal int WakeRequested;

    public JsonNode? ContextObject => context ??= BuildContext();

    public void Emit(HistoryEvent e, DateTimeOffset now)
    {
        var id = ++LastEventId;
        pending.Add(e with { Id = id, PreviousEventId = id - 1, Timestamp = now });
    }

    /// <summary>Called whenever the state or attempt changes, so <c>$$</c> is rebuilt.</summary>
    public void ResetContext() => context = null;

    public JsonNode? GetVariable(string name) =>
        throw StatesErrorException.Runtime($"The variable '${name}' is not defined (variables are not supported yet).");

    public Checkpoint ToCheckpoint() =>
        new(StateName, Phase, StateInputJson, EnteredEventId, EnteredTime, RetryCounts, RetryCount, Due);

    public void Restore(Checkpoint checkpoint)
    {
        StateName = checkpoint.StateName;
        Phase = checkpoint.Phase;
        StateInputJson = checkpoint.StateInput;
        StateInput = checkpoint.StateInput is null ? null : JsonNode.Parse(checkpoint.StateInput);
        EnteredEventId = checkpoint.EnteredEventId;
        EnteredTime = checkpoint.EnteredTime;
        RetryCounts = checkpoint.RetryCounts;
        RetryCount = checkpoint.RetryCount;
        Due = checkpoint.Due;
    }

    /// <summary>Hands the pending events and the current checkpoint to a store update.</summary>
    public ExecutionUpdate TakeUpdate(ExecutionRow? closing = null)
    {
        var events = pending;
        pending = new List<HistoryEvent>(8);
        return new ExecutionUpdate
        {
            ExecutionId = Row.Id,
            Events = events,
            LastEventId = LastEventId,
            Checkpoint = ToCheckpoint().ToJson(),
            Status = closing?.Status,
            Output = closing?.Output,
            Error = closing?.Error,
            Cause = closing?.Cause,
            StopDate = closing?.StopDate,
            RedriveCount = (closing ?? Row).RedriveCount,
            RedriveDate = (closing ?? Row).RedriveDate,
        };
    }

    public bool HasPendingEvents => pending.Count > 0;

    private JsonObject BuildContext()
    {
        input ??= JsonNode.Parse(Row.Input);
        var execution = new JsonObject
        {
            ["Id"] = Row.Arn,
            ["Input"] = input?.DeepClone(),
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
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Timestamps.Format(EnteredTime),
                ["Name"] = StateName,
                ["RetryCount"] = RetryCount,
            },
            ["StateMachine"] = new JsonObject { ["Id"] = Row.StateMachineArn, ["Name"] = StateMachineName },
        };
    }
}
