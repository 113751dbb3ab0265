using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StepOrders.Api.Orders;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Api.Admin;

/// <summary>
/// <c>GET /admin/orders?status=FAILED&amp;customerId=C&amp;limit=N&amp;cursor=C</c>: every customer's orders, newest
/// first, a page at a time, optionally of one status and/or one customer — what the console's order list shows.
/// </summary>
public static class OrderListEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static async Task<Results<Ok<OrderListResponse>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? status, [FromQuery] string? customerId, [FromQuery] string? limit, [FromQuery] string? cursor,
        IOrderStore store, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        OrderStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (OrderLifecycle.TryParseWireName(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add(new FieldError("status", $"must be one of {string.Join(", ", OrderLifecycle.All.Select(s => s.ToWireName()))}."));
            }
        }
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

        var filter = new OrderFilter(string.IsNullOrEmpty(customerId) ? null : customerId, wanted);
        var page = await store.ListAsync(filter, pageSize, cursor, cancellationToken);
        return TypedResults.Ok(new OrderListResponse([.. page.Orders.Select(order => OrderResponse.From(order))], page.NextCursor));
    }
}
