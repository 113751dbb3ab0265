using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace StepOrders.Workflow.Storage;

/// <summary>
/// Group commit: one writer drains every queued write into one transaction, then completes the batch's
/// task for all callers at once. Appends of one execution within a batch merge into one history row and
/// one checkpoint update. No transaction per event, no lock held by callers.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SqliteWriterCommands commands;
    private readonly SqliteConnection connection;
    private readonly Task loop;
    private List<SqliteWriteOp> ops = [];
    private TaskCompletionSource committed = NewBatch();
    private long nextId;

    public SqliteWriter(SqliteConnection connection, long lastId)
    {
        this.connection = connection;
        nextId = lastId;
        commands = new SqliteWriterCommands(connection);
        loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a write; the task completes when the transaction holding it commits.</summary>
    public Task Enqueue(SqliteWriteOp op)
    {
        Task batch;
        lock (gate)
        {
            ops.Add(op);
            batch = committed.Task;
        }

        signal.Writer.TryWrite(true);
        return batch;
    }

    private static TaskCompletionSource NewBatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync()
    {
        while (await signal.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            signal.Reader.TryRead(out _);
            List<SqliteWriteOp> batch;
            TaskCompletionSource done;
            lock (gate)
            {
                (batch, ops) = (ops, []);
                (done, committed) = (committed, NewBatch());
            }

            if (batch.Count == 0)
            {
                done.TrySetResult();
                continue;
            }

            try
            {
                Commit(batch);
                done.TrySetResult();
            }
#pragma warning disable CA1031 // The failure goes to every caller waiting on this batch.
            catch (Exception e)
#pragma warning restore CA1031
            {
                done.TrySetException(e);
                foreach (var op in batch)
                {
                    (op as InsertExecutionOp)?.Done.TrySetException(e);
                    (op as PutStateMachineOp)?.Done.TrySetException(e);
                    (op as DeleteClosedExecutionsOp)?.Done.TrySetException(e);
                }
            }
        }
    }

    private void Commit(List<SqliteWriteOp> batch)
    {
        var merged = new Dictionary<long, MergedAppend>();
        var results = new List<Action>();
        using var transaction = connection.BeginTransaction();
        commands.Enlist(transaction);
        foreach (var op in batch)
        {
            switch (op)
            {
                case InsertExecutionOp insert:
                    var row = insert.Row with { Id = nextId + 1 };
                    if (commands.InsertExecution(row, insert.Chunk))
                    {
                        nextId++;
                        results.Add(() => insert.Done.TrySetResult((row, true)));
                    }
                    else
                    {
                        var existing = commands.SelectExecution(row.Arn)!;
                        results.Add(() => insert.Done.TrySetResult((existing, false)));
                    }

                    break;
                case PutStateMachineOp put:
                    var stored = commands.UpsertStateMachine(put.Row);
                    results.Add(() => put.Done.TrySetResult(stored));
                    break;
                case DeleteClosedExecutionsOp delete:
                    var deleted = commands.DeleteClosedExecutions(delete.StoppedBeforeMs, delete.Limit);
                    results.Add(() => delete.Done.TrySetResult(deleted));
                    break;
                case AppendOp append:
                    if (!merged.TryGetValue(append.Update.ExecutionId, out var m))
                    {
                        merged[append.Update.ExecutionId] = m = new MergedAppend();
                    }

                    m.Add(append);
                    break;
            }
        }

        foreach (var (executionId, m) in merged)
        {
            commands.AppendHistory(executionId, m.FirstEventId, m.Chunks.Count == 0 ? null : HistoryChunk.Concat(m.Chunks), m.Last!, m.StatusChange);
        }

        transaction.Commit();
        foreach (var result in results)
        {
            result();
        }
    }

    public async ValueTask DisposeAsync()
    {
        signal.Writer.TryWrite(true);
        signal.Writer.TryComplete();
        await loop.ConfigureAwait(false);
        commands.Dispose();
    }

    private sealed class MergedAppend
    {
        public long FirstEventId { get; private set; }

        public List<byte[]> Chunks { get; } = new(2);

        public ExecutionUpdate? Last { get; private set; }

        public ExecutionUpdate? StatusChange { get; private set; }

        public void Add(AppendOp op)
        {
            if (op.Update.Events.Count > 0)
            {
                if (Chunks.Count == 0)
                {
                    FirstEventId = op.FirstEventId;
                }

                Chunks.Add(op.Chunk);
            }

            Last = op.Update;
            if (op.Update.Status is not null)
            {
                StatusChange = op.Update;
            }
        }
    }
}
