using Microsoft.Data.Sqlite;
using StepOrders.Local.Data;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Local.Telemetry;

/// <summary>
/// Reads the queue gauges from SQLite when they are collected (a scrape, an alarm evaluation): messages in the queue,
/// the oldest one's age, dead letters. Synchronous because a gauge's callback is; one short read-only query.
/// </summary>
internal sealed class QueueStatisticsReader(LocalDatabase database, TimeProvider clock)
{
    private const string Query =
        "SELECT (SELECT COUNT(*) FROM queue_messages), (SELECT MIN(sent_at) FROM queue_messages), (SELECT COUNT(*) FROM dead_letters)";

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = database.Path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
    }.ToString();

    public QueueStatistics Read()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var row = command.ExecuteReader();
        row.Read();
        var oldest = row.IsDBNull(1) ? (DateTimeOffset?)null : row.ReadTime(1);
        var age = oldest is { } sentAt && clock.GetUtcNow() > sentAt ? clock.GetUtcNow() - sentAt : TimeSpan.Zero;
        return new QueueStatistics(row.GetInt64(0), age, row.GetInt64(2));
    }
}
