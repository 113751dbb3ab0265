using StepOrders.Crash.Host;
using StepOrders.Crash.Stores;

namespace StepOrders.Crash.Checks;

/// <summary>Waits for the host to finish its work: no unfinished order, no RUNNING execution, nothing in the queue.</summary>
internal static class Quiescence
{
    /// <summary>Counts that stop changing for this long mean nothing will move them (an order nothing drives).</summary>
    private static readonly TimeSpan Standstill = TimeSpan.FromSeconds(30);

    /// <summary>True once quiet; false at <paramref name="timeout"/> or after a standstill, with the counts left.</summary>
    public static async Task<(bool Quiet, string Left)> WaitAsync(IStoreProbe store, DataFiles files, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = (-1L, -1L, -1L);
        var lastChange = DateTime.UtcNow;
        while (true)
        {
            var (unfinished, queued) = await store.CountAsync(cancellationToken);
            var counts = (
                Unfinished: unfinished,
                Running: await Database.CountAsync(files.Workflow, "SELECT COUNT(*) FROM executions WHERE status = 'RUNNING'", cancellationToken),
                Queued: queued);
            var left = $"{counts.Unfinished} orders unfinished, {counts.Running} executions RUNNING, {counts.Queued} messages queued";
            if (counts == (0, 0, 0))
            {
                return (true, left);
            }
            if (counts != last)
            {
                (last, lastChange) = (counts, DateTime.UtcNow);
            }
            if (DateTime.UtcNow > deadline || DateTime.UtcNow - lastChange > Standstill)
            {
                return (false, left);
            }
            await Task.Delay(250, cancellationToken);
        }
    }
}
