using Microsoft.Data.Sqlite;
using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Storage;

/// <summary>
/// SQLite in WAL mode. Writes go through one <see cref="SqliteWriter"/> (group commit); reads use pooled
/// connections of their own and see committed data only.
/// </summary>
internal sealed class SqliteExecutionStore(string path, bool synchronousFull) : IExecutionStore
{
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    private SqliteConnection? connection;
    private SqliteWriter? writer;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(synchronousFull ? "FULL" : "NORMAL")}; {SqliteSchema.Create}";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long lastId;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM executions";
            lastId = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        writer = new SqliteWriter(connection, lastId);
    }

    public async Task<StateMachineRow> PutStateMachineAsync(StateMachineRow row, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<StateMachineRow>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Writer.Enqueue(new PutStateMachineOp(row, done));
        return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StateMachineRow?> GetStateMachineAsync(string arn, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT arn, name, definition, created_ms FROM state_machines WHERE arn = $p0", ReadMachine, cancellationToken, arn)
            .ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<StateMachineRow>> ListStateMachinesAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT arn, name, definition, created_ms FROM state_machines", ReadMachine, cancellationToken)
            .ConfigureAwait(false);

    public Task<(ExecutionRow Row, bool Inserted)> InsertExecutionAsync(ExecutionRow row, IReadOnlyList<HistoryEvent> events)
    {
        var done = new TaskCompletionSource<(ExecutionRow, bool)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Writer.Enqueue(new InsertExecutionOp(row, HistoryChunk.Serialize(events), done));
        return done.Task;
    }

    public Task Append(ExecutionUpdate update) =>
        Writer.Enqueue(new AppendOp(
            update, update.Events.Count > 0 ? HistoryChunk.Serialize(update.Events) : [], update.Events.Count > 0 ? update.Events[0].Id : 0));

    public async Task<ExecutionRow?> GetExecutionAsync(string arn, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {SqliteSchema.ExecutionColumns} FROM executions WHERE arn = $p0",
            SqliteSchema.ReadExecution, cancellationToken, arn).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<ExecutionRow>> ListExecutionsAsync(
        string stateMachineArn, ExecutionStatus? status, long? beforeId, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            SELECT {SqliteSchema.ExecutionColumns} FROM executions
            WHERE state_machine_arn = $p0 AND ($p1 IS NULL OR status = $p1) AND id < $p2 ORDER BY id DESC LIMIT $p3
            """,
            SqliteSchema.ReadExecution, cancellationToken,
            stateMachineArn, (object?)status?.ToAwsName() ?? DBNull.Value, beforeId ?? long.MaxValue, limit);

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(long executionId, CancellationToken cancellationToken)
    {
        var chunks = await QueryAsync("SELECT events FROM history WHERE execution_id = $p0 ORDER BY first_event_id",
            r => (byte[])r.GetValue(0), cancellationToken, executionId).ConfigureAwait(false);
        var events = new List<HistoryEvent>();
        foreach (var chunk in chunks)
        {
            HistoryChunk.Read(chunk, events);
        }

        return events;
    }

    public Task<IReadOnlyList<ExecutionRow>> GetRunningExecutionsAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {SqliteSchema.ExecutionColumns} FROM executions WHERE status = 'RUNNING'",
            SqliteSchema.ReadExecution, cancellationToken);

    public async Task<int> DeleteClosedExecutionsAsync(DateTimeOffset stoppedBefore, int limit, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Writer.Enqueue(new DeleteClosedExecutionsOp(stoppedBefore.ToUnixTimeMilliseconds(), limit, done));
        return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
    }

    private SqliteWriter Writer => writer ?? throw new InvalidOperationException("The store is not open.");

    private static StateMachineRow ReadMachine(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)));

    private async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params object[] parameters)
    {
        var reader = new SqliteConnection(connectionString);
        await using (reader.ConfigureAwait(false))
        {
            await reader.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = reader.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters.AddWithValue($"$p{i}", parameters[i]);
            }

            using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var result = new List<T>();
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(read(rows));
            }

            return result;
        }
    }
}
