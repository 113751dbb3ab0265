using System.Text.Json;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Aws.StepFunctions;

/// <summary>
/// The order workflow on Step Functions Standard: one execution per order, named by the order id, of the state
/// machine <paramref name="stateMachineArn"/>.
/// </summary>
/// <remarks>
/// A second StartExecution with the same name and input while the first runs succeeds with the first's answer
/// (API reference: StartExecution is idempotent for STANDARD workflows), so such a start reports
/// <see cref="WorkflowStart.Started"/>; only a finished execution or different input is told apart, by
/// ExecutionAlreadyExists. Either way nothing starts twice. The input's trace context goes along as the X-Ray
/// <c>traceHeader</c>, which Step Functions hands on to each task's Lambda invocation, so the order's trace goes on.
/// </remarks>
public sealed class StepFunctionsOrderWorkflow(StepFunctionsClient client, string stateMachineArn) : IOrderWorkflow
{
    public async Task<WorkflowStart> StartAsync(string executionName, OrderWorkflowInput input, CancellationToken cancellationToken)
    {
        try
        {
            await client.StartExecutionAsync(
                new StartExecutionRequest(
                    stateMachineArn,
                    executionName,
                    JsonSerializer.Serialize(input, AwsJson.Default.OrderWorkflowInput),
                    XRayTraceHeader.Format(OrderTracing.ParentFrom(input.TraceParent))),
                cancellationToken);
            return WorkflowStart.Started;
        }
        catch (StepFunctionsException e) when (e.ErrorCode == "ExecutionAlreadyExists")
        {
            return WorkflowStart.AlreadyStarted;
        }
    }

    public async Task<ExecutionSummary?> DescribeAsync(string executionName, CancellationToken cancellationToken)
    {
        try
        {
            var execution = await client.DescribeExecutionAsync(new DescribeExecutionRequest(ExecutionArn(executionName)), cancellationToken);
            return new ExecutionSummary(execution.Name, execution.Status, execution.ExecutionArn);
        }
        catch (StepFunctionsException e) when (e.ErrorCode == "ExecutionDoesNotExist")
        {
            return null;
        }
    }

    /// <remarks>
    /// ExecutionNotRedrivable (running again already, or past redrive's limits) becomes
    /// <see cref="ExecutionNotRedrivableException"/>; other refusals surface as <see cref="StepFunctionsException"/>.
    /// </remarks>
    public async Task RedriveAsync(string executionName, CancellationToken cancellationToken)
    {
        try
        {
            await client.RedriveExecutionAsync(new RedriveExecutionRequest(ExecutionArn(executionName)), cancellationToken);
        }
        catch (StepFunctionsException e) when (e.ErrorCode == "ExecutionNotRedrivable")
        {
            throw new ExecutionNotRedrivableException($"Execution {executionName} cannot be redriven now: {e.Message}", e);
        }
    }

    /// <summary>
    /// <c>arn:aws:states:{region}:{account}:stateMachine:{machine}</c> names its executions
    /// <c>arn:aws:states:{region}:{account}:execution:{machine}:{name}</c>.
    /// </summary>
    public string ExecutionArn(string executionName)
    {
        const string marker = ":stateMachine:";
        var at = stateMachineArn.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{stateMachineArn}' is not a state machine ARN.");
        }
        return $"{stateMachineArn[..at]}:execution:{stateMachineArn[(at + marker.Length)..]}:{executionName}";
    }
}
