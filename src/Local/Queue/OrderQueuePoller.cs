using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepOrders.Orders.Ports;
using StepOrders.Steps;

namespace StepOrders.Local.Queue;

/// <summary>
/// The local stand-in for SQS's Lambda trigger: receives batches from the order queue, hands each to
/// <see cref="StartOrderWorkflow"/>, and deletes the messages it handled. Messages it could not handle stay
/// invisible until their visibility timeout, come back, and after maxReceiveCount go to the dead-letter table.
/// </summary>
internal sealed partial class OrderQueuePoller(
    IOrderQueue queue, StartOrderWorkflow starter, IOptions<QueueOptions> options, TimeProvider clock, ILogger<OrderQueuePoller> logger)
    : BackgroundService
{
    private readonly QueueOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _options.PollerEnabled
            ? Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Pollers)).Select(_ => PollAsync(stoppingToken)))
            : Task.CompletedTask;

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var failedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (failedBefore)
                {
                    // Do not spin on a broken store; the failed batch comes back after its visibility timeout anyway.
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
                }
                await PollOnceAsync(stoppingToken);
                failedBefore = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPollFailed(e);
                failedBefore = true;
            }
        }
    }

    private async Task PollOnceAsync(CancellationToken stoppingToken)
    {
        var batch = await queue.ReceiveAsync(_options.BatchSize, _options.VisibilityTimeout, _options.WaitTime, stoppingToken);
        if (batch.Count == 0)
        {
            return;
        }
        var failed = await starter.HandleAsync(batch, stoppingToken);
        var deletes = new List<Task>(batch.Count);
        foreach (var message in batch)
        {
            if (!failed.Contains(message.MessageId))
            {
                deletes.Add(queue.DeleteAsync(message.ReceiptHandle, stoppingToken));
            }
        }
        await Task.WhenAll(deletes);
    }

    [LoggerMessage(LogLevel.Error, "Polling the order queue failed; unhandled messages will be delivered again")]
    private partial void LogPollFailed(Exception exception);
}
