using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StepOrders.Api.Access;

namespace StepOrders.Api.Admin;

/// <summary>Operations for admin keys only: every customer's orders, the dead-letter queue, redriving failed executions, stock levels.</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin").RequireAuthorization(AccessPolicies.Admin).WithTags("Admin");
        group.MapGet("/orders", OrderListEndpoint.ListAsync).WithName("ListOrders");
        group.MapGet("/dead-letters", DeadLetterEndpoints.ListAsync).WithName("ListDeadLetters");
        group.MapPost("/dead-letters/redrive", DeadLetterEndpoints.RedriveAsync).Accepts<DeadLetterRedriveRequest>(isOptional: true, "application/json")
            .WithName("RedriveDeadLetters");
        group.MapPost("/executions/{name}/redrive", ExecutionRedriveEndpoint.HandleAsync).WithName("RedriveExecution");
        group.MapPut("/inventory/{sku}", StockEndpoint.SetAsync).Accepts<StockRequest>("application/json").WithName("SetStock");
        return group;
    }
}
