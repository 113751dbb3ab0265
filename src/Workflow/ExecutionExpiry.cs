using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StepOrders.Workflow;

/// <summary>
/// Deletes closed executions past <see cref="WorkflowOptions.ExecutionRetention"/>, hourly, as Step Functions expires a
/// Standard execution's history; without it the workflow database grows with every execution forever.
/// </summary>
internal sealed partial class ExecutionExpiry(WorkflowRuntime runtime, TimeProvider clock, ILogger<ExecutionExpiry> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await PurgeAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var deleted = await runtime.DeleteExpiredExecutionsAsync(cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    [LoggerMessage(LogLevel.Information, "Deleted {Count} closed executions past their retention")]
    private static partial void LogDeleted(ILogger logger, int count);
}
