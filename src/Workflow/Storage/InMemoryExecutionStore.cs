using System.Collections.Concurrent;
using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Storage;

/// <summary>
/// The same store contract with nothing on disk: for unit tests and benchmarks. Appends lock only their own
/// execution (one lock for all was the most contended point of an in-memory run); inserts and state machines
/// share one.
/// </summary>
internal sealed class InMemoryExecutionStore : IExecutionStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StateMachineRow> machines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> byArn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Entry> byId = new();
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
                return Task.FromResult((existing.Row, false));
            }

            var entry = new Entry(row with { Id = ++nextId }, events);
            byArn[row.Arn] = entry;
            byId[entry.Row.Id] = entry;
            return Task.FromResult((entry.Row, true));
        }
    }

    public Task Append(ExecutionUpdate update)
    {
        var entry = byId[update.ExecutionId];
        lock (entry.Gate)
        {
            entry.History.Add(update.Events);
            entry.Row = RowUpdate.Apply(entry.Row, update);
        }

        return Task.CompletedTask;
    }

    public Task<ExecutionRow?> GetExecutionAsync(string arn, CancellationToken cancellationToken) =>
        Task.FromResult(byArn.TryGetValue(arn, out var entry) ? entry.Row : null);

    public Task<IReadOnlyList<ExecutionRow>> ListExecutionsAsync(
        string stateMachineArn, ExecutionStatus? status, long? beforeId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExecutionRow>>([.. byId.Values
            .Select(e => e.Row)
            .Where(r => r.StateMachineArn == stateMachineArn && (status is null || r.Status == status) && (beforeId is null || r.Id < beforeId))
            .OrderByDescending(r => r.Id)
            .Take(limit)]);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(long executionId, CancellationToken cancellationToken)
    {
        if (!byId.TryGetValue(executionId, out var entry))
        {
            return Task.FromResult<IReadOnlyList<HistoryEvent>>([]);
        }

        lock (entry.Gate)
        {
            return Task.FromResult<IReadOnlyList<HistoryEvent>>([.. entry.History.SelectMany(events => events)]);
        }
    }

    public Task<IReadOnlyList<ExecutionRow>> GetRunningExecutionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExecutionRow>>([.. byId.Values.Select(e => e.Row).Where(r => r.Status == ExecutionStatus.Running)]);

    public Task<int> DeleteClosedExecutionsAsync(DateTimeOffset stoppedBefore, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var expired = byId.Values
                .Select(e => e.Row)
                .Where(r => r.Status != ExecutionStatus.Running && r.StopDate < stoppedBefore)
                .Take(limit)
                .ToList();
            foreach (var row in expired)
            {
                byId.TryRemove(row.Id, out _);
                byArn.TryRemove(row.Arn, out _);
            }

            return Task.FromResult(expired.Count);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// One execution: its row (replaced whole on each append) and its history as the appended lists of events (an
    /// execution's update owns its list; copying them into one list was a thirtieth of a run's allocations), guarded
    /// by its own lock.
    /// </summary>
    private sealed class Entry(ExecutionRow row, IReadOnlyList<HistoryEvent> events)
    {
        private ExecutionRow row = row;

        public Lock Gate { get; } = new();

        public List<IReadOnlyList<HistoryEvent>> History { get; } = [events];

        public ExecutionRow Row
        {
            get => Volatile.Read(ref row);
            set => Volatile.Write(ref row, value);
        }
    }
}
