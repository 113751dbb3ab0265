using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StepOrders.Api.Access;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Api.Admin;

/// <summary>
/// <c>POST /admin/executions/{name}/redrive</c>: gives a failed order another go once its cause is fixed (stock
/// restocked, say). The order moves FAILED → PENDING (the one way back OrderLifecycle allows) and its execution is
/// redriven; the steps then move it on as on its first run. Asking again while it runs (or at the same moment)
/// changes nothing and answers 409.
/// </summary>
public static class ExecutionRedriveEndpoint
{
    private static readonly string[] Redrivable = ["FAILED", "TIMED_OUT", "ABORTED"];

    public static async Task<Results<Accepted<ExecutionRedriveResponse>, ProblemHttpResult>> HandleAsync(
        string name, ApiCaller caller, IOrderStore store, IOrderWorkflow workflow, TimeProvider clock, OrderMetrics metrics,
        CancellationToken cancellationToken)
    {
        var execution = await workflow.DescribeAsync(name, cancellationToken);
        if (execution is null)
        {
            return ApiProblems.NotFound($"There is no execution {name}.");
        }
        if (!Redrivable.Contains(execution.Status, StringComparer.Ordinal))
        {
            return ApiProblems.Conflict($"Execution {name} is {execution.Status}; only a failed, timed out or aborted execution can be redriven.");
        }
        var order = OrderId.TryParse(name, out var id) ? await store.GetAsync(id, cancellationToken) : null;
        if (order is { Status: OrderStatus.Failed })
        {
            var reopened = order.MoveTo(OrderStatus.Pending, clock.GetUtcNow(), $"Redriven by {caller.KeyName}.");
            if (!await store.TrySaveStatusChangeAsync(reopened.Next!, OrderStatus.Failed, cancellationToken))
            {
                return ApiProblems.Conflict($"Order {id} changed while it was being redriven; look at it and try again.");
            }
            order = reopened.Next;
        }
        try
        {
            await workflow.RedriveAsync(name, cancellationToken);
        }
        catch (ExecutionNotRedrivableException e)
        {
            // A redrive racing this one got there first (or the workflow allows no more): as if asked while it runs.
            return ApiProblems.Conflict(e.Message);
        }
        metrics.ExecutionRedriven();
        return TypedResults.Accepted(
            order is null ? (string?)null : $"/orders/{order.Id}",
            new ExecutionRedriveResponse(name, order?.Id.Value, order?.Status));
    }
}

/// <summary>The redriven execution and, for an order's execution, the order's status now.</summary>
public sealed record ExecutionRedriveResponse(string ExecutionName, string? OrderId, OrderStatus? OrderStatus);
