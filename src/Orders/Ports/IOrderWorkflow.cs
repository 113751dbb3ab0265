namespace StepOrders.Orders.Ports;

/// <summary>The durable workflow that drives an order: Step Functions on AWS, the embedded runtime on one machine.</summary>
public interface IOrderWorkflow
{
    /// <summary>Starts the execution named <paramref name="executionName"/>; a second start of the same name starts nothing.</summary>
    Task<WorkflowStart> StartAsync(string executionName, OrderWorkflowInput input, CancellationToken cancellationToken);

    /// <summary>The execution's status, or null if no execution has that name.</summary>
    Task<ExecutionSummary?> DescribeAsync(string executionName, CancellationToken cancellationToken);

    /// <summary>
    /// Redrives a failed execution from the state that failed; <see cref="ExecutionNotRedrivableException"/> when the
    /// workflow refuses (a redrive racing this one got there first, or the execution may not be redriven any more).
    /// </summary>
    Task RedriveAsync(string executionName, CancellationToken cancellationToken);
}
