using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using StepOrders.Api.Access;
using StepOrders.Api.Orders;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Api.Customers;

/// <summary><c>GET /customers/{customerId}/orders?limit=N&amp;cursor=C</c>: a customer's orders, newest first, a page at a time.</summary>
public static class CustomerOrdersApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapCustomerOrders(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/customers").RequireAuthorization().WithTags("Customers");
        group.MapGet("/{customerId}/orders", ListAsync).WithName("ListCustomerOrders");
        return group;
    }

    public static async Task<Results<Ok<CustomerOrdersResponse>, ProblemHttpResult>> ListAsync(
        string customerId, [FromQuery] string? limit, [FromQuery] string? cursor, ApiCaller caller, IOrderStore store, CancellationToken cancellationToken)
    {
        if (!caller.MayReach(customerId))
        {
            return ApiProblems.NotFound($"There is no customer {customerId}.");
        }
        var errors = new List<FieldError>();
        var pageSize = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            errors.Add(new FieldError("limit", $"must be a whole number from 1 to {MaxLimit}."));
        }
        if (cursor is not null && !OrderCursor.TryRead(cursor, out _))
        {
            errors.Add(new FieldError("cursor", "must be a nextCursor from an earlier page."));
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var page = await store.ListAsync(OrderFilter.ForCustomer(customerId), pageSize, cursor, cancellationToken);
        var orders = new OrderResponse[page.Orders.Count];
        for (var i = 0; i < orders.Length; i++)
        {
            orders[i] = OrderResponse.From(page.Orders[i]);
        }
        return TypedResults.Ok(new CustomerOrdersResponse(orders, page.NextCursor));
    }
}
