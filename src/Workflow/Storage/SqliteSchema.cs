using Microsoft.Data.Sqlite;

namespace StepOrders.Workflow.Storage;

/// <summary>
/// The tables. History is stored in chunks (the events one append brought, as a JSON array) keyed by
/// execution and first event id: a few rows per execution instead of one per event. Pending timers are
/// the executions' due times, kept in their checkpoint.
/// History is a rowid table, not WITHOUT ROWID: its rows are large (a chunk is ~1 KiB) and arrive interleaved across
/// hundreds of running executions, so a table clustered on (execution, event) splits pages on nearly every insert and
/// ends a quarter full (measured: 3.4x the bytes of the same rows appended in rowid order); the primary key's index
/// keeps reads by execution one range scan. Files made by older builds keep their WITHOUT ROWID table, which reads
/// and writes the same.
/// Only closed executions have a stop time (a redrive clears it), so executions_by_stop finds the expired ones without
/// scanning the table; an older file gets it on open.
/// </summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS state_machines (
            arn TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            definition TEXT NOT NULL,
            created_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS executions (
            id INTEGER PRIMARY KEY,
            arn TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            state_machine_arn TEXT NOT NULL,
            status TEXT NOT NULL,
            input TEXT NOT NULL,
            output TEXT,
            error TEXT,
            cause TEXT,
            start_ms INTEGER NOT NULL,
            stop_ms INTEGER,
            redrive_count INTEGER NOT NULL DEFAULT 0,
            redrive_ms INTEGER,
            last_event_id INTEGER NOT NULL,
            checkpoint TEXT);
        CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (state_machine_arn, id);
        CREATE INDEX IF NOT EXISTS executions_running ON executions (status) WHERE status = 'RUNNING';
        CREATE INDEX IF NOT EXISTS executions_by_stop ON executions (stop_ms) WHERE stop_ms IS NOT NULL;
        CREATE TABLE IF NOT EXISTS history (
            execution_id INTEGER NOT NULL,
            first_event_id INTEGER NOT NULL,
            events BLOB NOT NULL,
            PRIMARY KEY (execution_id, first_event_id));
        """;

    public const string ExecutionColumns =
        "id, arn, name, state_machine_arn, status, input, output, error, cause, start_ms, stop_ms, redrive_count, redrive_ms, last_event_id, checkpoint";

    public static ExecutionRow ReadExecution(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Arn = r.GetString(1),
        Name = r.GetString(2),
        StateMachineArn = r.GetString(3),
        Status = ExecutionStatusNames.Parse(r.GetString(4)),
        Input = r.GetString(5),
        Output = r.IsDBNull(6) ? null : r.GetString(6),
        Error = r.IsDBNull(7) ? null : r.GetString(7),
        Cause = r.IsDBNull(8) ? null : r.GetString(8),
        StartDate = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)),
        StopDate = r.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
        RedriveCount = r.GetInt32(11),
        RedriveDate = r.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(12)),
        LastEventId = r.GetInt64(13),
        Checkpoint = r.IsDBNull(14) ? null : r.GetString(14),
    };

    public static object Db(string? value) => value is null ? DBNull.Value : value;

    public static object Db(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;
}
