using Microsoft.Extensions.Hosting;
using StepOrders.Local.Data;

namespace StepOrders.Local.Orders;

/// <summary>
/// Deletes idempotency records past their 24 hours, hourly. An expired key is already free (the intake replaces its
/// record), so this only keeps the table from growing with keys nobody reuses.
/// </summary>
internal sealed class IdempotencyKeyExpiry(LocalDatabase database, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PurgeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public Task<int> PurgeAsync(CancellationToken cancellationToken) =>
        database.Writer.WriteAsync(clock.GetUtcNow(), static (scope, now) =>
            scope.Command("DELETE FROM idempotency_keys WHERE expires_at <= @now").Bind("@now", now.ToStored()).ExecuteNonQuery(), cancellationToken);
}
