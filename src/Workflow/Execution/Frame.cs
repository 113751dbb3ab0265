using System.Text.Json.Nodes;
using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.Execution;

/// <summary>
/// One running state machine inside an execution: the execution's top level, a Parallel branch or a
/// Map iteration. It holds the cursor the interpreter moves (state, phase, input, retries, timer) and
/// the variable scope its states read and assign. Only one worker moves a frame at a time.
/// </summary>
internal sealed class Frame : IPathContext
{
    private JsonObject? context;
    private long detachedEventId = 1;

    /// <param name="detached">
    /// A Distributed Map's iteration: a child execution on AWS, with a history of its own. Its events are not
    /// added to this execution's history; they are numbered as in a child's history (after ExecutionStarted, #1).
    /// </param>
    public Frame(ExecutionRun run, StateMachineDefinition definition, VariableScope variables, bool detached = false)
    {
        Run = run;
        Definition = definition;
        Variables = variables;
        Detached = detached;
        StateName = definition.StartAt;
    }

    public bool Detached { get; }

    public ExecutionRun Run { get; }

    public StateMachineDefinition Definition { get; }

    public VariableScope Variables { get; }

    public bool IsRoot => ReferenceEquals(Run.Root, this);

    public string StateName { get; set; }

    public RunPhase Phase { get; set; }

    public JsonNode? StateInput { get; set; }

    /// <summary>The state input's JSON text as UTF-8, as the history records it.</summary>
    public byte[]? StateInputJson { get; set; }

    public long EnteredEventId { get; set; }

    public DateTimeOffset EnteredTime { get; set; }

    public int[] RetryCounts { get; set; } = [];

    /// <summary>Retries of the current state so far ($$.State.RetryCount).</summary>
    public int RetryCount { get; set; }

    public DateTimeOffset? Due { get; set; }

    /// <summary>The task's effective input between scheduling and invoking (not durable: recomputed on resume).</summary>
    public JsonNode? TaskInput { get; set; }

    public JsonNode? ContextObject => context ??= BuildContext();

    /// <summary>Records an event of this frame; returns its id.</summary>
    public long Emit(HistoryEvent e, DateTimeOffset now) => Detached ? Interlocked.Increment(ref detachedEventId) : Run.Emit(e, now);

    public JsonNode? GetVariable(string name) =>
        Variables.TryGet(name, out var value)
            ? value
            : throw StatesErrorException.Runtime($"The variable '${name}' is not defined.");

    /// <summary>Called whenever the state or attempt changes, so <c>$$</c> is rebuilt.</summary>
    public void ResetContext() => context = null;

    /// <summary>Moves to the start of <paramref name="next"/> with <paramref name="input"/>.</summary>
    public void MoveTo(string next, JsonNode? input, byte[]? inputJson)
    {
        StateName = next;
        Phase = RunPhase.Enter;
        StateInput = input;
        StateInputJson = inputJson;
        Due = null;
    }

    public Checkpoint ToCheckpoint() =>
        new(StateName, Phase, StateInputJson, EnteredEventId, EnteredTime, RetryCounts, RetryCount, Due, Variables.ToJson());

    public void Restore(Checkpoint checkpoint)
    {
        StateName = checkpoint.StateName;
        Phase = checkpoint.Phase;
        StateInputJson = checkpoint.StateInput;
        StateInput = JsonText.Parse(checkpoint.StateInput);
        EnteredEventId = checkpoint.EnteredEventId;
        EnteredTime = checkpoint.EnteredTime;
        RetryCounts = checkpoint.RetryCounts;
        RetryCount = checkpoint.RetryCount;
        Due = checkpoint.Due;
    }

    private JsonObject BuildContext()
    {
        var built = Run.ContextBase();
        built["State"] = new JsonObject
        {
            ["EnteredTime"] = Timestamps.Format(EnteredTime),
            ["Name"] = StateName,
            ["RetryCount"] = RetryCount,
        };
        return built;
    }
}
