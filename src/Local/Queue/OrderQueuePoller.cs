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
    IOrderQueue queue, StartOrderWorkflow starter, IOptions<QueueOptions> options, ILogger<OrderQueuePoller> logger) : BackgroundService
{
    private readonly QueueOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.PollerEnabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(_options.BatchSize, _options.VisibilityTimeout, _options.WaitTime, stoppingToken);
                if (batch.Count == 0)
                {
                    continue;
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
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The batch's messages come back after their visibility timeout; keep polling.
                LogPollFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Polling the order queue failed; unhandled messages will be delivered again")]
    private partial void LogPollFailed(Exception exception);
}
