using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using StepOrders.Orders.Ports;

namespace StepOrders.Local.Data;

/// <summary>
/// The one connection that writes, on its own thread, committing many callers' writes in one transaction (group
/// commit). A commit in WAL mode with synchronous=FULL costs one fsync whether it holds one write or a thousand, so
/// callers that arrive while a commit is on disk share the next one. A write that throws is undone alone and its
/// caller gets the exception; the others in the batch commit.
/// </summary>
/// <remarks>
/// Because every write of the process goes through this one connection in turn, a write may read and then decide
/// (check stock, then take it) without another writer slipping in between.
/// </remarks>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly Channel<IPendingWrite> _pending = Channel.CreateUnbounded<IPendingWrite>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly SqliteConnection _connection;
    private readonly WriteScope _scope;
    private readonly Thread _thread;
    private readonly List<IPendingWrite> _batch = new(MaxBatch);

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        _scope = new WriteScope(connection);
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite writer" };
        _thread.Start();
    }

    public Task<TResult> WriteAsync<TResult>(Func<WriteScope, TResult> write, CancellationToken cancellationToken) =>
        WriteAsync(write, static (scope, write) => write(scope), cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> inside the next batch; the task completes once the batch is committed. A write may
    /// run more than once before it commits (see <see cref="CommitBatch"/>), so it must depend only on its state and
    /// the database.
    /// </summary>
    public Task<TResult> WriteAsync<TState, TResult>(TState state, Func<WriteScope, TState, TResult> write, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<TState, TResult>(state, write, cancellationToken);
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter));
        }
        return pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await Task.Run(() => _thread.Join());
        _scope.Dispose();
        await _connection.DisposeAsync();
    }

    private void Run()
    {
        var reader = _pending.Reader;
        while (true)
        {
            if (!reader.TryPeek(out _) && !reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                return;
            }
            while (_batch.Count < MaxBatch && reader.TryRead(out var write))
            {
                if (!write.CancelIfRequested())
                {
                    _batch.Add(write);
                }
            }
            if (_batch.Count > 0)
            {
                CommitBatch();
                _batch.Clear();
            }
        }
    }

    /// <summary>
    /// Runs the batch in one transaction. Writes rarely throw, so the batch first runs without savepoints; if one
    /// throws, the transaction is rolled back and the batch runs again with a savepoint per write, so only the
    /// failing write is undone. Writes are functions of their state and the database, so running one again is safe.
    /// </summary>
    private void CommitBatch()
    {
        try
        {
            if (!TryRunBatch(withSavepoints: false))
            {
                TryRunBatch(withSavepoints: true);
            }
            _scope.Execute("COMMIT");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RollBackQuietly();
            var failure = Translate(e);
            foreach (var write in _batch)
            {
                write.Fail(failure);
            }
            return;
        }
        foreach (var write in _batch)
        {
            write.Complete();
        }
    }

    /// <summary>False when a write threw without a savepoint to undo it alone: the transaction is rolled back.</summary>
    private bool TryRunBatch(bool withSavepoints)
    {
        _scope.Execute("BEGIN IMMEDIATE");
        foreach (var write in _batch)
        {
            if (!withSavepoints)
            {
                try
                {
                    write.Run(_scope);
                    continue;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    if (InTransaction)
                    {
                        _scope.Execute("ROLLBACK");
                    }
                    return false;
                }
            }
            _scope.Execute("SAVEPOINT write");
            try
            {
                write.Run(_scope);
                _scope.Execute("RELEASE write");
            }
            catch (Exception e) when (e is not OutOfMemoryException && InTransaction)
            {
                // SQLite may roll the whole transaction back itself (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY…); then
                // the writes before this one are gone too, and the exception fails the batch as one instead.
                _scope.Execute("ROLLBACK TO write");
                _scope.Execute("RELEASE write");
                write.Fail(Translate(e));
            }
        }
        return true;
    }

    /// <summary>
    /// SQLite errors that say "not now" (another process holds the lock past busy_timeout, the disk or the
    /// database's max_page_count is full, an I/O error) become <see cref="StoreUnavailableException"/>: the write
    /// was undone and may be sent again. Any other error is a bug in the write and stays as it is.
    /// </summary>
    private static Exception Translate(Exception e) => e is SqliteException { SqliteErrorCode: var code } sqlite && code is
        SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED or SQLitePCL.raw.SQLITE_FULL or SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_NOMEM
        ? new StoreUnavailableException($"The database cannot take writes now ({sqlite.Message}); nothing of this write was kept.", sqlite)
        : e;

    private bool InTransaction => !_connection.Handle!.IsInvalid && SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0;

    private void RollBackQuietly()
    {
        try
        {
            if (InTransaction)
            {
                _scope.Execute("ROLLBACK");
            }
        }
        catch (SqliteException)
        {
            // The connection is left as SQLite left it; the next batch's BEGIN reports what is wrong.
        }
    }

    private interface IPendingWrite
    {
        /// <summary>True (and the caller's task canceled) when the caller gave up before the write ran.</summary>
        bool CancelIfRequested();

        void Run(WriteScope scope);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class PendingWrite<TState, TResult>(TState state, Func<WriteScope, TState, TResult> write, CancellationToken cancellationToken)
        : TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), IPendingWrite
    {
        private TResult? _result;
        private bool _failed;

        public bool CancelIfRequested() => cancellationToken.IsCancellationRequested && TrySetCanceled(cancellationToken);

        public void Run(WriteScope scope) => _result = write(scope, state);

        public void Complete()
        {
            if (!_failed)
            {
                TrySetResult(_result!);
            }
        }

        public void Fail(Exception exception)
        {
            _failed = true;
            TrySetException(exception);
        }
    }
}
