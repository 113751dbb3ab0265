using Microsoft.Data.Sqlite;
using StepOrders.Crash.Host;
using StepOrders.Crash.Stores;

namespace StepOrders.Crash.Checks;

/// <summary>What each kill left to recover, read from what the dead host left: the work the next host must finish.</summary>
internal sealed class KillDamage
{
    public long UnfinishedOrders { get; private set; }

    public long RunningExecutions { get; private set; }

    public long QueuedMessages { get; private set; }

    public async Task CountAsync(IStoreProbe store, DataFiles files, CancellationToken cancellationToken)
    {
        var (unfinished, queued) = await store.CountAsync(cancellationToken);
        UnfinishedOrders += unfinished;
        QueuedMessages += queued;
        if (!File.Exists(files.Workflow))
        {
            return;
        }
        try
        {
            RunningExecutions += await Database.CountAsync(files.Workflow, "SELECT COUNT(*) FROM executions WHERE status = 'RUNNING'", cancellationToken);
        }
        catch (SqliteException)
        {
            // A host killed while creating its files leaves nothing to count.
        }
    }
}
