namespace StepOrders.Orders;

/// <summary>A validated request to place an order: every field present and within the rules.</summary>
public sealed record OrderDraft(
    string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    Currency Currency,
    ShippingAddress ShippingAddress,
    string PaymentToken);
