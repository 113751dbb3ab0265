using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StepOrders.Api.Access;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Api.Orders;

/// <summary><c>GET /orders/{orderId}</c>: the order, its history and its workflow execution. Orders a key may not see are not found, like unknown ones.</summary>
public static class GetOrderEndpoint
{
    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> HandleAsync(
        string orderId, ApiCaller caller, IOrderStore store, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        if (!OrderId.TryParse(orderId, out var id)
            || await store.GetAsync(id, cancellationToken) is not { } order
            || !caller.MayReach(order.CustomerId))
        {
            return ApiProblems.NotFound($"There is no order {orderId}.");
        }
        var execution = await workflow.DescribeAsync(order.ExecutionName, cancellationToken)
            ?? new ExecutionSummary(order.ExecutionName, OrderResponse.NotStarted);
        return TypedResults.Ok(OrderResponse.From(order, execution));
    }
}
