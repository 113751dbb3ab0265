using Microsoft.Data.Sqlite;

namespace StepOrders.Crash.Checks;

/// <summary>Read-only access to the host's SQLite files while the host runs (WAL lets a reader in beside the writer).</summary>
internal static class Database
{
    public static async Task<SqliteConnection> OpenReadOnlyAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public static async Task ReadAsync(SqliteConnection connection, string sql, Action<SqliteDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            read(rows);
        }
    }

    public static async Task<long> CountAsync(string path, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadOnlyAsync(path, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
