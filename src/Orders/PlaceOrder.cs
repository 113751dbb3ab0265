namespace StepOrders.Orders;

/// <summary>What a customer asks for when placing an order, as received, before validation.</summary>
public sealed record PlaceOrder(
    string? CustomerId,
    IReadOnlyList<PlaceOrderLine?>? Items,
    string? Currency,
    PlaceOrderAddress? ShippingAddress,
    string? PaymentToken);

public sealed record PlaceOrderLine(string? Sku, int? Quantity, decimal? UnitPrice);

public sealed record PlaceOrderAddress(string? Name, string? Line1, string? Line2, string? City, string? PostalCode, string? Country);
