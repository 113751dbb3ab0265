namespace StepOrders.Workflow;

/// <summary>Execution retention: Step Functions deletes a closed Standard execution's history 90 days after it stops.</summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>Executions deleted per write, so the single writer is never held long.</summary>
    internal const int RetentionBatchSize = 1000;

    /// <summary>
    /// The shortest <see cref="WorkflowOptions.ExecutionRetention"/>: the redrive window. A redrivable execution has
    /// started, hence stopped, less than 14 days ago, so it is never deleted, and no redrive races a delete.
    /// </summary>
    public static TimeSpan MinimumExecutionRetention => RedriveWindow;

    /// <summary>
    /// Deletes closed executions (and their histories) that stopped more than <see cref="WorkflowOptions.ExecutionRetention"/>
    /// ago, a thousand per write; returns how many. RUNNING executions are never deleted.
    /// </summary>
    public async Task<int> DeleteExpiredExecutionsAsync(CancellationToken cancellationToken = default) =>
        await DeleteExpiredExecutionsAsync(RetentionBatchSize, cancellationToken).ConfigureAwait(false);

    internal async Task<int> DeleteExpiredExecutionsAsync(int batchSize, CancellationToken cancellationToken)
    {
        ValidateRetention(options.ExecutionRetention);
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (now - DateTimeOffset.UnixEpoch <= options.ExecutionRetention)
        {
            return 0;
        }

        var stoppedBefore = now - options.ExecutionRetention;
        var total = 0;
        int deleted;
        do
        {
            deleted = await store.DeleteClosedExecutionsAsync(stoppedBefore, batchSize, cancellationToken).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }

    internal static void ValidateRetention(TimeSpan retention)
    {
        if (retention < RedriveWindow)
        {
            throw new ArgumentOutOfRangeException(
                nameof(WorkflowOptions.ExecutionRetention), retention,
                $"Execution retention must be at least the {RedriveWindow.TotalDays}-day redrive window.");
        }
    }
}
