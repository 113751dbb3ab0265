using Microsoft.Extensions.Hosting;
using StepOrders.Workflow;

namespace StepOrders.Local.Workflow;

/// <summary>
/// Creates (or updates) the order state machine when the host starts, which also opens the runtime's store and
/// resumes every execution a previous process left RUNNING.
/// </summary>
internal sealed class OrderWorkflowHost(WorkflowRuntime runtime, OrderStateMachine machine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        runtime.CreateStateMachineAsync(OrderStateMachine.Name, OrderStateMachine.Definition(), machine.Substitutions(), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
