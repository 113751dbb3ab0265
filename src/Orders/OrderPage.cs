namespace StepOrders.Orders;

/// <summary>One page of a listing, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Orders, string? NextCursor);
