using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StepOrders.Orders;

namespace StepOrders.Api.Orders;

public static class OrdersApi
{
    /// <summary><c>POST /orders</c> places an order; <c>GET /orders/{orderId}</c> shows one with its history and execution.</summary>
    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/orders").RequireAuthorization().WithTags("Orders");
        group.MapPost("/", PlaceOrderEndpoint.HandleAsync).Accepts<PlaceOrder>("application/json").ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PlaceOrder");
        group.MapGet("/{orderId}", GetOrderEndpoint.HandleAsync).WithName("GetOrder");
        return group;
    }
}
