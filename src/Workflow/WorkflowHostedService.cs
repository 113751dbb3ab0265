using Microsoft.Extensions.Hosting;

namespace StepOrders.Workflow;

/// <summary>Starts the runtime with the host (resuming RUNNING executions) and stops it with the host.</summary>
internal sealed class WorkflowHostedService(WorkflowRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.DisposeAsync().AsTask();
}
