using System.Text.Json.Serialization;
using StepOrders.Api.Orders;

namespace StepOrders.Api.Admin;

/// <summary>One page of every customer's orders; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record OrderListResponse(
    IReadOnlyList<OrderResponse> Orders,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);
