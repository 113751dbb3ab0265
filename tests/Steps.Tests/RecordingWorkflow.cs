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

    /// <summary>When set, no start answers before this many starts were called: a caller starting one at a time never gets an answer.</summary>
    public int AnswerOnceStarted { get; set; }

    private readonly TaskCompletionSource _enoughStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<WorkflowStart> StartAsync(string executionName, OrderWorkflowInput input, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref StartCalls) >= AnswerOnceStarted)
        {
            _enoughStarted.TrySetResult();
        }
        await _enoughStarted.Task.WaitAsync(cancellationToken);
        if (Unavailable)
        {
            throw new HttpRequestException("Step Functions is unavailable.");
        }
        return Executions.TryAdd(executionName, input) ? WorkflowStart.Started : WorkflowStart.AlreadyStarted;
    }

    public Task<ExecutionSummary?> DescribeAsync(string executionName, CancellationToken cancellationToken) =>
        Task.FromResult(Executions.ContainsKey(executionName) ? new ExecutionSummary(executionName, "RUNNING") : null);

    public Task RedriveAsync(string executionName, CancellationToken cancellationToken) => Task.CompletedTask;
}
