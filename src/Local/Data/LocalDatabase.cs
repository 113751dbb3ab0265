using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace StepOrders.Local.Data;

/// <summary>
/// The host's SQLite file (orders, queue, stock, payments, API keys): one writer connection that group-commits, and
/// pooled read-only connections that WAL lets read while the writer writes.
/// </summary>
internal sealed class LocalDatabase : IAsyncDisposable
{
    public const string FileName = "steporders.db";

    /// <summary>Idle read scopes kept beyond this are closed: enough for the steps and requests reading at once.</summary>
    private const int MaxIdleReaders = 32;

    private readonly string _readConnectionString;
    private readonly ConcurrentBag<ReadScope> _idleReaders = [];
    private volatile bool _closing;

    private LocalDatabase(string path, SqliteWriter writer)
    {
        Path = path;
        Writer = writer;
        _readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    public SqliteWriter Writer { get; }

    /// <summary>
    /// Opens (creating if needed) the database in <paramref name="folder"/> and brings its schema up to date.
    /// synchronous=FULL: in WAL mode each commit is fsynced, so an order answered with 201 survives a power cut, not
    /// only a crash; group commit pays that one fsync per batch rather than per order.
    /// </summary>
    public static LocalDatabase Open(DataFolder folder)
    {
        Directory.CreateDirectory(folder.Path);
        var path = folder.File(FileName);
        var connection = OpenWriteConnection(path);
        try
        {
            SqliteSchema.Apply(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new LocalDatabase(path, new SqliteWriter(connection));
    }

    /// <summary>A connection for short writes outside the host (the <c>keys</c> command), with the same settings.</summary>
    public static SqliteConnection OpenWriteConnection(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
        }.ToString());
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A read-only connection with its prepared commands, for reads on the hot path; dispose it to give it back.</summary>
    public ReadScope RentReader()
    {
        if (_idleReaders.TryTake(out var idle))
        {
            return idle;
        }
        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        return new ReadScope(connection, GiveBack);
    }

    private void GiveBack(ReadScope reader)
    {
        if (_closing || _idleReaders.Count >= MaxIdleReaders)
        {
            reader.Close();
            return;
        }
        _idleReaders.Add(reader);
        if (_closing && _idleReaders.TryTake(out var late))
        {
            // Given back while the database was closing: close it here, as DisposeAsync may have emptied the bag already.
            late.Close();
        }
    }

    /// <summary>True while the folder holds no stock and no orders: a new folder (perhaps with keys made by <c>keys create</c>).</summary>
    /// <summary>Whether any API key was ever made in this data folder (revoked ones count): false for a new folder.</summary>
    public async Task<bool> HasApiKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM api_keys)";
        return await command.ExecuteScalarAsync(cancellationToken) is 1L;
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        while (_idleReaders.TryTake(out var reader))
        {
            reader.Close();
        }
        await Writer.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(_readConnectionString));
    }
}
