using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StepOrders.Api.UsagePlans;

/// <summary>
/// Keeps the quota counts across restarts: loads today's before the host serves, writes the counters that moved every
/// <see cref="Interval"/> (one write for all keys, off the request path) and once more at shutdown. A crash loses at
/// most the last interval's counts — at most <c>rate × 1 s</c> requests per key, which that key may then send again
/// on top of its quota; a key's throttle bounds the loss, and counting each request in the database would put a
/// write on every request.
/// </summary>
public sealed partial class QuotaFlush(QuotaUsage usage, IQuotaStore store, TimeProvider clock, ILogger<QuotaFlush> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var today = usage.Today;
        usage.Load(today, await store.LoadAsync(today, cancellationToken));
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Writes every counter that moved since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var uses = usage.Unflushed();
        if (uses.Count > 0)
        {
            await store.SaveAsync(uses, cancellationToken);
            usage.MarkFlushed(uses);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The counts stay in memory and go with the next flush.
                    LogFlushFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not save the quota counts; retrying with the next flush")]
    private partial void LogFlushFailed(Exception exception);
}
