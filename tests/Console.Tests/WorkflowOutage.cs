using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Console.Tests;

/// <summary>Takes the workflow down for new executions (StartExecution throws, as when Step Functions is unreachable) until it is restored.</summary>
public sealed class WorkflowOutage
{
    private volatile bool _down;

    public void Begin() => _down = true;

    public void End() => _down = false;

    public IOrderWorkflow Wrap(IOrderWorkflow workflow) => new Workflow(workflow, this);

    private sealed class Workflow(IOrderWorkflow inner, WorkflowOutage outage) : IOrderWorkflow
    {
        public Task<WorkflowStart> StartAsync(string executionName, OrderWorkflowInput input, CancellationToken cancellationToken) =>
            outage._down
                ? throw new HttpRequestException("The workflow service is unreachable (test outage).")
                : inner.StartAsync(executionName, input, cancellationToken);

        public Task<ExecutionSummary?> DescribeAsync(string executionName, CancellationToken cancellationToken) =>
            inner.DescribeAsync(executionName, cancellationToken);

        public Task RedriveAsync(string executionName, CancellationToken cancellationToken) =>
            inner.RedriveAsync(executionName, cancellationToken);
    }
}
