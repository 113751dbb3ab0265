using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Orders.Telemetry;
using StepOrders.Workflow;

namespace StepOrders.Local.Telemetry;

/// <summary>
/// The trace context of each running execution, so every task's activity joins its order's trace. Noted when the
/// execution starts (<see cref="OrderWorkflowInput.TraceParent"/>); after a restart or a redrive it is read back
/// once from the execution's input. The runtime comes late because it is built from the handlers that use this.
/// </summary>
internal sealed class ExecutionTraces(Func<WorkflowRuntime> runtime)
{
    private readonly ConcurrentDictionary<string, ActivityContext> _byExecution = new(StringComparer.Ordinal);

    public void Started(string executionArn, string? traceParent) => _byExecution.TryAdd(executionArn, OrderTracing.ParentFrom(traceParent));

    public void Closed(string executionArn) => _byExecution.TryRemove(executionArn, out _);

    public async ValueTask<ActivityContext> ParentOfAsync(string executionArn, CancellationToken cancellationToken)
    {
        if (_byExecution.TryGetValue(executionArn, out var known))
        {
            return known;
        }
        ActivityContext parent;
        try
        {
            var execution = await runtime().DescribeExecutionAsync(executionArn, cancellationToken);
            parent = OrderTracing.ParentFrom(TraceParentIn(execution.Input));
        }
        catch (WorkflowApiException)
        {
            parent = default;
        }
        _byExecution.TryAdd(executionArn, parent);
        return parent;
    }

    private static string? TraceParentIn(string? input)
    {
        try
        {
            return input is null ? null : JsonNode.Parse(input) is JsonObject fields && fields["traceParent"] is JsonValue value
                && value.TryGetValue<string>(out var traceParent) ? traceParent : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
