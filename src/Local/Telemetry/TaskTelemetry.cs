using System.Text.Json.Nodes;
using StepOrders.Steps;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Local.Telemetry;

/// <summary>A task of the embedded runtime run as <see cref="StepTelemetry"/> runs a step, under its execution's trace context.</summary>
internal sealed class TaskTelemetry(StepTelemetry steps, ExecutionTraces traces)
{
    public async Task<StepInvocation> InvokeAsync(IWorkflowStep step, JsonNode? input, TaskContext context, CancellationToken cancellationToken)
    {
        var parent = await traces.ParentOfAsync(context.ExecutionArn, cancellationToken);
        return await steps.InvokeAsync(step, input, context.ExecutionName, parent, cancellationToken);
    }
}
