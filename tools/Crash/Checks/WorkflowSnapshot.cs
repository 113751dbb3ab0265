using System.Text.Json;

namespace StepOrders.Crash.Checks;

internal sealed record StoredEvent(long Id, long PreviousEventId, string Type);

internal sealed record StoredExecution(long Id, string Name, string Status, long LastEventId, List<StoredEvent> Events);

/// <summary>The embedded runtime's database (<c>workflow.db</c>): every execution and its history, read whole.</summary>
internal sealed class WorkflowSnapshot
{
    /// <summary>Executions by name (the order id); a name appearing twice is kept under <see cref="DuplicateNames"/>.</summary>
    public Dictionary<string, StoredExecution> Executions { get; } = new(StringComparer.Ordinal);

    public List<string> DuplicateNames { get; } = [];

    public static async Task<WorkflowSnapshot> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var snapshot = new WorkflowSnapshot();
        var byId = new Dictionary<long, StoredExecution>();
        await using var connection = await Database.OpenReadOnlyAsync(path, cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        await Database.ReadAsync(connection, "SELECT id, name, status, last_event_id FROM executions", row =>
        {
            var execution = new StoredExecution(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetInt64(3), []);
            byId.Add(execution.Id, execution);
            if (!snapshot.Executions.TryAdd(execution.Name, execution))
            {
                snapshot.DuplicateNames.Add(execution.Name);
            }
        }, cancellationToken);
        await Database.ReadAsync(connection, "SELECT execution_id, events FROM history ORDER BY execution_id, first_event_id", row =>
        {
            if (!byId.TryGetValue(row.GetInt64(0), out var execution))
            {
                return;
            }
            using var chunk = JsonDocument.Parse((byte[])row.GetValue(1));
            foreach (var e in chunk.RootElement.EnumerateArray())
            {
                execution.Events.Add(new StoredEvent(e.GetProperty("id").GetInt64(), e.GetProperty("previousEventId").GetInt64(), e.GetProperty("type").GetString()!));
            }
        }, cancellationToken);
        return snapshot;
    }
}
