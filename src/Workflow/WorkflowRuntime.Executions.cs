using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Storage;

namespace StepOrders.Workflow;

/// <summary>StartExecution, DescribeExecution, ListExecutions, GetExecutionHistory, StopExecution, and awaiting completion.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Starts an execution. As on AWS, it is idempotent by name: the same name and input as a RUNNING
    /// execution return that execution (<see cref="StartExecutionResult.Started"/> false); a closed one,
    /// or other input, throws ExecutionAlreadyExists. A null name gets a UUID; null input is <c>{}</c>.
    /// </summary>
    public async Task<StartExecutionResult> StartExecutionAsync(
        string stateMachineArn, string? name = null, string? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateMachineArn);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var machine = await GetMachineAsync(stateMachineArn, cancellationToken).ConfigureAwait(false);
        name ??= Guid.NewGuid().ToString();
        if (!Arns.IsValidName(name))
        {
            throw new WorkflowApiException(WorkflowErrorCodes.InvalidName, $"Invalid Name: '{name}'");
        }

        var (inputNode, inputJson) = NormalizeInput(input);
        var now = time.GetUtcNow();
        var row = new ExecutionRow
        {
            Arn = arns.Execution(machine.Name, name),
            Name = name,
            StateMachineArn = machine.StateMachineArn,
            Status = ExecutionStatus.Running,
            Input = inputJson,
            StartDate = now,
        };
        var run = new ExecutionRun(row, machine.Parsed, machine.Name);
        run.Root.StateInput = inputNode;
        run.Root.StateInputJson = Encoding.UTF8.GetBytes(inputJson);
        run.Emit(new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.ExecutionStarted, Input = inputJson }, now);
        var first = run.TakeUpdate();
        var (stored, inserted) = await store.InsertExecutionAsync(
            row with { LastEventId = first.LastEventId, Checkpoint = first.Checkpoint }, first.Events).ConfigureAwait(false);
        if (!inserted)
        {
            return stored.Status == ExecutionStatus.Running && stored.Input == inputJson
                ? new StartExecutionResult(stored.Arn, stored.StartDate, Started: false)
                : throw new WorkflowApiException(WorkflowErrorCodes.ExecutionAlreadyExists, $"Execution Already Exists: '{stored.Arn}'");
        }

        run.Row = stored;
        active[stored.Arn] = run;
        scheduler!.Wake(run);
        return new StartExecutionResult(stored.Arn, now, Started: true);
    }

    public async Task<ExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default) =>
        (await GetRowAsync(executionArn, cancellationToken).ConfigureAwait(false)).Describe();

    /// <summary>Executions of a state machine, newest first, optionally of one status; pages of up to 1000.</summary>
    public async Task<ExecutionPage> ListExecutionsAsync(
        string stateMachineArn, ExecutionStatus? statusFilter = null, int maxResults = 100, string? nextToken = null,
        CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await GetMachineAsync(stateMachineArn, cancellationToken).ConfigureAwait(false);
        var limit = maxResults is > 0 and <= 1000 ? maxResults : 100;
        long? before = nextToken is null ? null : ParseToken(nextToken);
        var rows = await store.ListExecutionsAsync(stateMachineArn, statusFilter, before, limit + 1, cancellationToken)
            .ConfigureAwait(false);
        var page = rows.Take(limit).Select(r => r.Describe()).ToList();
        var next = rows.Count > limit ? rows[limit - 1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return new ExecutionPage(page, next);
    }

    /// <summary>The execution's history events, oldest first (or newest first with <paramref name="reverseOrder"/>), in pages.</summary>
    public async Task<HistoryPage> GetExecutionHistoryAsync(
        string executionArn, bool reverseOrder = false, int maxResults = 100, string? nextToken = null,
        CancellationToken cancellationToken = default)
    {
        var row = await GetRowAsync(executionArn, cancellationToken).ConfigureAwait(false);
        var events = await store.GetHistoryAsync(row.Id, cancellationToken).ConfigureAwait(false);
        var ordered = reverseOrder ? events.Reverse().ToList() : events;
        var limit = maxResults is > 0 and <= 1000 ? maxResults : 100;
        var skip = nextToken is null ? 0 : (int)ParseToken(nextToken);
        var page = ordered.Skip(skip).Take(limit).ToList();
        var next = skip + limit < ordered.Count ? (skip + limit).ToString(CultureInfo.InvariantCulture) : null;
        return new HistoryPage(page, next);
    }

    /// <summary>Aborts a RUNNING execution (ExecutionAborted with the given error and cause); closed ones are returned as they are.</summary>
    public async Task<ExecutionDescription> StopExecutionAsync(
        string executionArn, string? error = null, string? cause = null, CancellationToken cancellationToken = default)
    {
        var row = await GetRowAsync(executionArn, cancellationToken).ConfigureAwait(false);
        if (row.Status == ExecutionStatus.Running && active.TryGetValue(executionArn, out var run))
        {
            run.AbortRequest = (error, cause);
            await run.Cancellation.CancelAsync().ConfigureAwait(false);
            scheduler!.Wake(run);
            await run.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DescribeExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when the execution is closed (at once if it already is) and describes it.</summary>
    public async Task<ExecutionDescription> WaitForCompletionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        if (active.TryGetValue(executionArn, out var run))
        {
            await run.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DescribeExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ExecutionRow> GetRowAsync(string executionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executionArn);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowApiException(WorkflowErrorCodes.ExecutionDoesNotExist, $"Execution Does Not Exist: '{executionArn}'");
    }

    /// <summary>The input parsed (the first state's input) and as compact JSON text (the history's and the row's).</summary>
    private static (JsonNode? Node, string Json) NormalizeInput(string? input)
    {
        try
        {
            var node = JsonText.Parse(input ?? "{}");
            var json = JsonText.Serialize(node);
            return JsonText.ExceedsPayloadLimit(json)
                ? throw new WorkflowApiException(WorkflowErrorCodes.InvalidExecutionInput, "The input exceeds 262144 bytes.")
                : (node, json);
        }
        catch (JsonException e)
        {
            throw new WorkflowApiException(WorkflowErrorCodes.InvalidExecutionInput, $"Invalid State Machine Execution Input: '{e.Message}'");
        }
    }

    private static long ParseToken(string token) =>
        long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new WorkflowApiException(WorkflowErrorCodes.InvalidToken, $"Invalid Token: '{token}'");
}
