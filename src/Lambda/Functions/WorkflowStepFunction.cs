using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders;
using StepOrders.Steps;

namespace StepOrders.Lambda.Functions;

/// <summary>
/// A workflow step behind a Task state whose Resource is the function's ARN: the state's effective input is the
/// event, the step's output is the response, and a step's named error is reported with that name as its
/// <c>errorType</c>, which Step Functions uses as the error name that Retry and Catch match. With
/// <paramref name="telemetry"/>, the step runs as the local runtime runs it: activity, order log scope, duration, one line.
/// </summary>
internal sealed class WorkflowStepFunction(IWorkflowStep step, StepTelemetry? telemetry = null) : ILambdaFunction
{
    public async Task<FunctionResult> InvokeAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        JsonNode? input;
        try
        {
            input = JsonNode.Parse(invocation.Payload.Span);
        }
        catch (JsonException e)
        {
            return new FunctionError(OrderErrors.Invalid, $"{step.Name} cannot read its input: {e.Message}");
        }

        StepInvocation result;
        try
        {
            result = telemetry is null
                ? await step.InvokeAsync(input, cancellationToken)
                : await telemetry.InvokeAsync(step, input, executionName: null, parent: default, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Every step is idempotent, so running out of time is worth a retry; the workflow retries Order.Transient.
            return new FunctionError(OrderErrors.Transient, $"{step.Name} ran out of time before {invocation.Deadline:O}.");
        }

        if (result.Error is { } error)
        {
            return new FunctionError(error.Error, error.Cause);
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (result.Output is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                result.Output.WriteTo(writer);
            }
        }
        return FunctionResult.Respond(buffer.ToArray());
    }
}
