using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Steps;

/// <summary>
/// Takes a batch of queue messages and starts one workflow execution per order, named by the order id, so a
/// message delivered twice starts one execution. Returns the messages that could not be handled; the queue
/// delivers them again and dead-letters them after maxReceiveCount (SQS's partial batch response).
/// Each message is handled in an activity whose parent is the trace context the message carries (the API request's),
/// and the execution input carries this activity's, so the order's trace goes on into the workflow.
/// </summary>
[Function(Name, FunctionTrigger.Queue, TimeoutSeconds = 30)]
public sealed partial class StartOrderWorkflow(IOrderWorkflow workflow, ILogger<StartOrderWorkflow> logger, OrderMetrics? metrics = null)
{
    public const string Name = "StartOrderWorkflow";

    /// <summary>
    /// Starts the batch's executions at once: each start waits on the runtime's commit, so one after another a batch
    /// of ten costs ten commits' latency where all at once it costs about one.
    /// </summary>
    public async Task<IReadOnlyList<string>> HandleAsync(IReadOnlyList<QueueMessage> batch, CancellationToken cancellationToken)
    {
        var starts = new Task<bool>[batch.Count];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = TryStartAsync(batch[i], cancellationToken);
        }
        var started = await Task.WhenAll(starts);
        var failed = new List<string>();
        for (var i = 0; i < started.Length; i++)
        {
            if (!started[i])
            {
                failed.Add(batch[i].MessageId);
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
        using var activity = OrderTracing.Source.StartActivity(Name, ActivityKind.Consumer, OrderTracing.ParentFrom(queued.TraceParent));
        using var scope = logger.BeginScope(new OrderLogScope(queued.OrderId, queued.OrderId, Name));
        try
        {
            var traceParent = OrderTracing.TraceParentOf(activity) ?? queued.TraceParent;
            var start = await workflow.StartAsync(queued.OrderId, new OrderWorkflowInput(queued.OrderId, traceParent), cancellationToken);
            if (start == WorkflowStart.Started)
            {
                metrics?.ExecutionStarted();
            }
            LogStarted(queued.OrderId, start);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
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
