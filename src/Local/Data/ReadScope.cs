using Microsoft.Data.Sqlite;

namespace StepOrders.Local.Data;

/// <summary>
/// A read-only connection lent by <see cref="LocalDatabase.RentReader"/> with its prepared commands, so a hot read
/// (every workflow step loads its order) neither opens a connection nor compiles its SQL again. Disposing it gives
/// it back; a transaction left open is rolled back first, so the next borrower starts from a fresh snapshot.
/// </summary>
internal sealed class ReadScope : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Action<ReadScope> _giveBack;
    private SqliteTransaction? _snapshot;

    public ReadScope(SqliteConnection connection, Action<ReadScope> giveBack)
    {
        Connection = connection;
        _giveBack = giveBack;
    }

    public SqliteConnection Connection { get; }

    /// <summary>One read transaction for the commands that follow: they all read the same snapshot.</summary>
    public void BeginSnapshot() => _snapshot = Connection.BeginTransaction(deferred: true);

    /// <summary>The command for <paramref name="sql"/>, its parameters kept from its last use; bind every one before running it.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Transaction = _snapshot;
        return command;
    }

    public void Dispose()
    {
        EndSnapshot();
        _giveBack(this);
    }

    /// <summary>Closes the connection for good (the pool is full or the database is closing).</summary>
    public void Close()
    {
        EndSnapshot();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
        Connection.Dispose();
    }

    private void EndSnapshot()
    {
        // Read only: rolling back and committing end the snapshot alike.
        _snapshot?.Dispose();
        _snapshot = null;
    }
}
