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

    public void Dispose()
    {
        foreach (var command in All())
        {
            command.Dispose();
        }
    }

    private IEnumerable<SqliteCommand> All() =>
        [insertExecution, selectExecution, insertHistory, updateCheckpoint, updateStatus, upsertMachine];

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
