using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Storage;

/// <summary>The same store contract with nothing on disk: for unit tests and benchmarks.</summary>
internal sealed class InMemoryExecutionStore : IExecutionStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StateMachineRow> machines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecutionRow> byArn = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ExecutionRow> byId = [];
    private readonly Dictionary<long, List<HistoryEvent>> histories = [];
    private long nextId;

    public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StateMachineRow> PutStateMachineAsync(StateMachineRow row, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (machines.TryGetValue(row.Arn, out var existing))
            {
                row = row with { CreationDate = existing.CreationDate };
            }

            machines[row.Arn] = row;
            return Task.FromResult(row);
        }
    }

    public Task<StateMachineRow?> GetStateMachineAsync(string arn, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(machines.GetValueOrDefault(arn));
        }
    }

    public Task<IReadOnlyList<StateMachineRow>> ListStateMachinesAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<StateMachineRow>>([.. machines.Values]);
        }
    }

    public Task<(ExecutionRow Row, bool Inserted)> InsertExecutionAsync(ExecutionRow row, IReadOnlyList<HistoryEvent> events)
    {
        lock (gate)
        {
            if (byArn.TryGetValue(row.Arn, out var existing))
            {
                return Task.FromResult((existing, false));
            }

            row = row with { Id = ++nextId };
            byArn[row.Arn] = row;
            byId[row.Id] = row;
            histories[row.Id] = [.. events];
            return Task.FromResult((row, true));
        }
    }

    public Task Append(ExecutionUpdate update)
    {
        lock (gate)
        {
            histories[update.ExecutionId].AddRange(update.Events);
            var row = byId[update.ExecutionId];
            row = RowUpdate.Apply(row, update);
            byId[row.Id] = row;
            byArn[row.Arn] = row;
        }

        return Task.CompletedTask;
    }

    public Task<ExecutionRow?> GetExecutionAsync(string arn, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(byArn.GetValueOrDefault(arn));
        }
    }

    public Task<IReadOnlyList<ExecutionRow>> ListExecutionsAsync(
        string stateMachineArn, ExecutionStatus? status, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ExecutionRow>>([.. byId.Values
                .Where(r => r.StateMachineArn == stateMachineArn && (status is null || r.Status == status) && (beforeId is null || r.Id < beforeId))
                .OrderByDescending(r => r.Id)
                .Take(limit)]);
        }
    }

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(long executionId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<HistoryEvent>>(
                histories.TryGetValue(executionId, out var events) ? [.. events] : []);
        }
    }

    public Task<IReadOnlyList<ExecutionRow>> GetRunningExecutionsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ExecutionRow>>([.. byId.Values.Where(r => r.Status == ExecutionStatus.Running)]);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
