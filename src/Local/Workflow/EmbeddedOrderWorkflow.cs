using System.Text.Json;
using StepOrders.Local.Telemetry;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Steps;
using StepOrders.Workflow;

namespace StepOrders.Local.Workflow;

/// <summary>
/// The order workflow on the embedded runtime: one execution per order, named by the order id. The input's trace
/// context is noted before the start, so the first task already finds it.
/// </summary>
internal sealed class EmbeddedOrderWorkflow(WorkflowRuntime runtime, OrderStateMachine machine, ExecutionTraces? traces = null) : IOrderWorkflow
{
    public async Task<WorkflowStart> StartAsync(string executionName, OrderWorkflowInput input, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(input, StepJson.Default.OrderWorkflowInput);
        traces?.Started(machine.ExecutionArn(executionName), input.TraceParent);
        try
        {
            var start = await runtime.StartExecutionAsync(machine.StateMachineArn, executionName, json, cancellationToken);
            return start.Started ? WorkflowStart.Started : WorkflowStart.AlreadyStarted;
        }
        catch (WorkflowApiException e) when (e.ErrorCode == WorkflowErrorCodes.ExecutionAlreadyExists)
        {
            // A duplicate message after the execution closed (Step Functions answers the same way).
            return WorkflowStart.AlreadyStarted;
        }
    }

    public async Task<ExecutionSummary?> DescribeAsync(string executionName, CancellationToken cancellationToken)
    {
        try
        {
            var execution = await runtime.DescribeExecutionAsync(machine.ExecutionArn(executionName), cancellationToken);
            return new ExecutionSummary(execution.Name, execution.Status.ToAwsName(), execution.ExecutionArn);
        }
        catch (WorkflowApiException e) when (e.ErrorCode == WorkflowErrorCodes.ExecutionDoesNotExist)
        {
            return null;
        }
    }

    public async Task RedriveAsync(string executionName, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.RedriveExecutionAsync(machine.ExecutionArn(executionName), cancellationToken);
        }
        catch (WorkflowApiException e) when (e.ErrorCode == WorkflowErrorCodes.ExecutionNotRedrivable)
        {
            throw new ExecutionNotRedrivableException($"Execution {executionName} cannot be redriven now: {e.Message}", e);
        }
    }
}
