using Microsoft.Data.Sqlite;
using StepOrders.Crash.Host;

namespace StepOrders.Crash.Checks;

/// <summary>What each kill left to recover, read from the files the dead host left: the work the next host must finish.</summary>
internal sealed class KillDamage
{
    public long UnfinishedOrders { get; private set; }

    public long RunningExecutions { get; private set; }

    public long QueuedMessages { get; private set; }

    public async Task CountAsync(DataFiles files, CancellationToken cancellationToken)
    {
        if (!File.Exists(files.Store) || !File.Exists(files.Workflow))
        {
            return;
        }
        try
        {
            UnfinishedOrders += await Database.CountAsync(files.Store, "SELECT COUNT(*) FROM orders WHERE status NOT IN (5, 6)", cancellationToken);
            QueuedMessages += await Database.CountAsync(files.Store, "SELECT COUNT(*) FROM queue_messages", cancellationToken);
            RunningExecutions += await Database.CountAsync(files.Workflow, "SELECT COUNT(*) FROM executions WHERE status = 'RUNNING'", cancellationToken);
        }
        catch (SqliteException)
        {
            // A host killed while creating its files leaves nothing to count.
        }
    }
}
