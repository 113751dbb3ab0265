using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StepOrders.Steps;

namespace StepOrders.Local.Orders;

/// <summary>
/// The local stand-in for the reconciler's EventBridge schedule, for a host whose intake is not one transaction
/// (<c>--store dynamodb</c>: an order stored before a crash cut its queue send off is driven by nothing else).
/// Runs <see cref="ReconcilePendingOrders"/> every <see cref="ReconcilerOptions.Interval"/>; a failed run is logged
/// and the next one tries again.
/// </summary>
internal sealed partial class ReconcilerSchedule(
    ReconcilePendingOrders reconciler, ReconcilerOptions options, TimeProvider clock, ILogger<ReconcilerSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Interval, clock, stoppingToken);
                await reconciler.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRunFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "The reconciler's run failed; the next runs in its interval")]
    private partial void LogRunFailed(Exception exception);
}
