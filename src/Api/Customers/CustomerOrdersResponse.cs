using System.Text.Json.Serialization;
using StepOrders.Api.Orders;

namespace StepOrders.Api.Customers;

/// <summary>One page of a customer's orders; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record CustomerOrdersResponse(
    IReadOnlyList<OrderResponse> Orders,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
