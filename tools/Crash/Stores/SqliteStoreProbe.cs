using Microsoft.Data.Sqlite;
using StepOrders.Crash.Checks;
using StepOrders.Crash.Host;

namespace StepOrders.Crash.Stores;

/// <summary>The host's own <c>steporders.db</c>, read beside the running host (WAL lets a reader in).</summary>
internal sealed class SqliteStoreProbe(DataFiles files) : IStoreProbe
{
    public IReadOnlyList<string> HostArguments => [];

    public async Task<(long Unfinished, long Queued)> CountAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(files.Store))
        {
            return (0, 0);
        }
        try
        {
            return (
                await Database.CountAsync(files.Store, "SELECT COUNT(*) FROM orders WHERE status NOT IN (5, 6)", cancellationToken),
                await Database.CountAsync(files.Store, "SELECT COUNT(*) FROM queue_messages", cancellationToken));
        }
        catch (SqliteException)
        {
            // A host killed while creating its files leaves nothing to count.
            return (0, 0);
        }
    }

    public Task<StoreSnapshot> ReadAsync(CancellationToken cancellationToken) => StoreSnapshot.ReadAsync(files.Store, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
