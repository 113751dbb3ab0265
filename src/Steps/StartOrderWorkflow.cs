using System.Text.Json;
using Microsoft.Extensions.Logging;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps;

/// <summary>
/// Takes a batch of queue messages and starts one workflow execution per order, named by the order id, so a
/// message delivered twice starts one execution. Returns the messages that could not be handled; the queue
/// delivers them again and dead-letters them after maxReceiveCount (SQS's partial batch response).
/// </summary>
[Function("StartOrderWorkflow", FunctionTrigger.Queue, TimeoutSeconds = 30)]
public sealed partial class StartOrderWorkflow(IOrderWorkflow workflow, ILogger<StartOrderWorkflow> logger)
{
    public async Task<IReadOnlyList<string>> HandleAsync(IReadOnlyList<QueueMessage> batch, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        foreach (var message in batch)
        {
            if (!await TryStartAsync(message, cancellationToken))
            {
                failed.Add(message.MessageId);
            }
        }
        return failed;
    }

    private async Task<bool> TryStartAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        OrderQueued? queued;
        try
        {
            queued = JsonSerializer.Deserialize(message.Body, StepJson.Default.OrderQueued);
        }
        catch (JsonException)
        {
            queued = null;
        }
        if (queued is null || !OrderId.TryParse(queued.OrderId, out _))
        {
            LogUnreadable(message.MessageId, message.ReceiveCount);
            return false;
        }
        try
        {
            var start = await workflow.StartAsync(queued.OrderId, new OrderWorkflowInput(queued.OrderId, queued.TraceParent), cancellationToken);
            LogStarted(queued.OrderId, start);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStartFailed(e, queued.OrderId, message.ReceiveCount);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "Workflow for order {OrderId}: {Start}")]
    private partial void LogStarted(string orderId, WorkflowStart start);

    [LoggerMessage(LogLevel.Warning, "Queue message {MessageId} is not an order message (receive {ReceiveCount}); it will be dead-lettered")]
    private partial void LogUnreadable(string messageId, int receiveCount);

    [LoggerMessage(LogLevel.Error, "Could not start the workflow for order {OrderId} (receive {ReceiveCount}); the message will be delivered again")]
    private partial void LogStartFailed(Exception exception, string orderId, int receiveCount);
}
