using System.Collections.Concurrent;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps.Tests;

/// <summary>An order workflow that only records which executions were started, once per name like Step Functions.</summary>
internal sealed class RecordingWorkflow : IOrderWorkflow
{
    public ConcurrentDictionary<string, OrderWorkflowInput> Executions { get; } = new();

    public int StartCalls;

    public bool Unavailable { get; set; }

    public Task<WorkflowStart> StartAsync(string executionName, OrderWorkflowInput input, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref StartCalls);
        if (Unavailable)
        {
            throw new HttpRequestException("Step Functions is unavailable.");
        }
        return Task.FromResult(Executions.TryAdd(executionName, input) ? WorkflowStart.Started : WorkflowStart.AlreadyStarted);
    }

    public Task<ExecutionSummary?> DescribeAsync(string executionName, CancellationToken cancellationToken) =>
        Task.FromResult(Executions.ContainsKey(executionName) ? new ExecutionSummary(executionName, "RUNNING") : null);

    public Task RedriveAsync(string executionName, CancellationToken cancellationToken) => Task.CompletedTask;
}
