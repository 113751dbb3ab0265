using Microsoft.Extensions.Hosting;
using StepOrders.Orders.Telemetry;
using StepOrders.Workflow;

namespace StepOrders.Local.Telemetry;

/// <summary>
/// The embedded runtime's executions as metrics: each closing (the runtime's ExecutionClosed event) counted by
/// status, and the running ones as a gauge. The runtime knows nothing of the Meter; this host joins them.
/// </summary>
internal sealed class ExecutionTelemetry(WorkflowRuntime runtime, OrderMetrics metrics, ExecutionTraces traces, QueueStatisticsReader queue)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.ExecutionClosed += OnClosed;
        metrics.ObserveRunningExecutions(() => runtime.RunningExecutionCount);
        metrics.ObserveQueue(queue.Read);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        runtime.ExecutionClosed -= OnClosed;
        return Task.CompletedTask;
    }

    private void OnClosed(object? sender, ExecutionDescription execution)
    {
        traces.Closed(execution.ExecutionArn);
        metrics.ExecutionClosed(execution.Status.ToAwsName());
    }
}
