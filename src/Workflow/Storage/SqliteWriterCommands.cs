using Microsoft.Data.Sqlite;

namespace StepOrders.Workflow.Storage;

/// <summary>The writer's prepared statements, reused for every batch.</summary>
internal sealed class SqliteWriterCommands : IDisposable
{
    private readonly SqliteCommand insertExecution;
    private readonly SqliteCommand selectExecution;
    private readonly SqliteCommand insertHistory;
    private readonly SqliteCommand updateCheckpoint;
    private readonly SqliteCommand updateStatus;
    private readonly SqliteCommand upsertMachine;
    private readonly SqliteCommand selectExpired;
    private readonly SqliteCommand deleteHistory;
    private readonly SqliteCommand deleteExecution;

    public SqliteWriterCommands(SqliteConnection connection)
    {
        insertExecution = Command(connection, """
            INSERT INTO executions (id, arn, name, state_machine_arn, status, input, start_ms, redrive_count, last_event_id, checkpoint)
            VALUES ($id, $arn, $name, $machine, $status, $input, $start, 0, $last, $checkpoint) ON CONFLICT (arn) DO NOTHING
            """, "$id", "$arn", "$name", "$machine", "$status", "$input", "$start", "$last", "$checkpoint");
        selectExecution = Command(connection, $"SELECT {SqliteSchema.ExecutionColumns} FROM executions WHERE arn = $arn", "$arn");
        insertHistory = Command(connection,
            "INSERT INTO history (execution_id, first_event_id, events) VALUES ($execution, $first, $events)",
            "$execution", "$first", "$events");
        updateCheckpoint = Command(connection,
            "UPDATE executions SET last_event_id = $last, checkpoint = $checkpoint WHERE id = $id", "$last", "$checkpoint", "$id");
        updateStatus = Command(connection, """
            UPDATE executions SET last_event_id = $last, checkpoint = $checkpoint, status = $status, output = $output,
                error = $error, cause = $cause, stop_ms = $stop, redrive_count = $redrives, redrive_ms = $redriven WHERE id = $id
            """, "$last", "$checkpoint", "$status", "$output", "$error", "$cause", "$stop", "$redrives", "$redriven", "$id");
        upsertMachine = Command(connection, """
            INSERT INTO state_machines (arn, name, definition, created_ms) VALUES ($arn, $name, $definition, $created)
            ON CONFLICT (arn) DO UPDATE SET definition = excluded.definition RETURNING created_ms
            """, "$arn", "$name", "$definition", "$created");
        selectExpired = Command(connection,
            "SELECT id FROM executions WHERE stop_ms < $before AND status <> 'RUNNING' ORDER BY stop_ms LIMIT $limit", "$before", "$limit");
        deleteHistory = Command(connection, "DELETE FROM history WHERE execution_id = $id", "$id");
        deleteExecution = Command(connection, "DELETE FROM executions WHERE id = $id", "$id");
    }

    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in All())
        {
            command.Transaction = transaction;
        }
    }

    public bool InsertExecution(ExecutionRow row, byte[] chunk)
    {
        Bind(insertExecution, row.Id, row.Arn, row.Name, row.StateMachineArn, row.Status.ToAwsName(), row.Input,
            row.StartDate.ToUnixTimeMilliseconds(), row.LastEventId, SqliteSchema.Db(row.Checkpoint));
        if (insertExecution.ExecuteNonQuery() == 0)
        {
            return false;
        }

        Bind(insertHistory, row.Id, 1L, chunk);
        insertHistory.ExecuteNonQuery();
        return true;
    }

    public ExecutionRow? SelectExecution(string arn)
    {
        Bind(selectExecution, arn);
        using var reader = selectExecution.ExecuteReader();
        return reader.Read() ? SqliteSchema.ReadExecution(reader) : null;
    }

    public void AppendHistory(long executionId, long firstEventId, byte[]? events, ExecutionUpdate last, ExecutionUpdate? status)
    {
        if (events is not null)
        {
            Bind(insertHistory, executionId, firstEventId, events);
            insertHistory.ExecuteNonQuery();
        }

        if (status is null)
        {
            Bind(updateCheckpoint, last.LastEventId, last.Checkpoint, executionId);
            updateCheckpoint.ExecuteNonQuery();
            return;
        }

        Bind(updateStatus, last.LastEventId, last.Checkpoint, status.Status!.Value.ToAwsName(), SqliteSchema.Db(status.Output),
            SqliteSchema.Db(status.Error), SqliteSchema.Db(status.Cause), SqliteSchema.Db(status.StopDate), status.RedriveCount,
            SqliteSchema.Db(status.RedriveDate), executionId);
        updateStatus.ExecuteNonQuery();
    }

    public StateMachineRow UpsertStateMachine(StateMachineRow row)
    {
        Bind(upsertMachine, row.Arn, row.Name, row.Definition, row.CreationDate.ToUnixTimeMilliseconds());
        var created = (long)upsertMachine.ExecuteScalar()!;
        return row with { CreationDate = DateTimeOffset.FromUnixTimeMilliseconds(created) };
    }

    /// <summary>
    /// Deletes up to <paramref name="limit"/> closed executions stopped before the cutoff and their history; returns how many.
    /// Their pages go on SQLite's freelist and new rows reuse them, so the file stops growing without a VACUUM (which
    /// would rewrite the whole file while holding the writer).
    /// </summary>
    public int DeleteClosedExecutions(long stoppedBeforeMs, int limit)
    {
        var ids = new List<long>(limit);
        Bind(selectExpired, stoppedBeforeMs, limit);
        using (var reader = selectExpired.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        foreach (var id in ids)
        {
            Bind(deleteHistory, id);
            deleteHistory.ExecuteNonQuery();
            Bind(deleteExecution, id);
            deleteExecution.ExecuteNonQuery();
        }

        return ids.Count;
    }

    public void Dispose()
    {
        foreach (var command in All())
        {
            command.Dispose();
        }
    }

    private IEnumerable<SqliteCommand> All() =>
        [insertExecution, selectExecution, insertHistory, updateCheckpoint, updateStatus, upsertMachine, selectExpired, deleteHistory, deleteExecution];

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
