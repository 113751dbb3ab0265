using Microsoft.Data.Sqlite;

namespace StepOrders.Local.Data;

/// <summary>
/// What a write sees inside the writer's transaction: prepared commands kept for the life of the connection, so a
/// statement is compiled once however many orders pass through it.
/// </summary>
internal sealed class WriteScope(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, its parameters kept from its last use; bind every one before running it.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        return command;
    }

    public int Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
