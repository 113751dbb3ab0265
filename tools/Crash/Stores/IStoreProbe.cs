using StepOrders.Crash.Checks;

namespace StepOrders.Crash.Stores;

/// <summary>
/// Where the host under test keeps its orders, stock, payments and queue, as the checks read it: the SQLite file in
/// its data folder (the default), or DynamoDB and SQS on stand-ins (<c>--engines aws</c>). The workflow's executions
/// stay in the data folder either way.
/// </summary>
internal interface IStoreProbe : IAsyncDisposable
{
    /// <summary>What the host is started with to use these engines.</summary>
    IReadOnlyList<string> HostArguments { get; }

    /// <summary>Orders not yet COMPLETED or FAILED, and messages in the queue; zeros before the host made its store.</summary>
    Task<(long Unfinished, long Queued)> CountAsync(CancellationToken cancellationToken);

    /// <summary>The whole store, read once the host is quiet.</summary>
    Task<StoreSnapshot> ReadAsync(CancellationToken cancellationToken);
}
