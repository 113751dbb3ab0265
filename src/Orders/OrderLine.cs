namespace StepOrders.Orders;

/// <summary>One line of an order: so many of a SKU at a unit price.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice)
{
    public decimal Amount => UnitPrice * Quantity;
}
