namespace StepOrders.Orders;

/// <summary>Which orders a listing returns; null fields do not filter.</summary>
public sealed record OrderFilter(string? CustomerId = null, OrderStatus? Status = null)
{
    public static OrderFilter ForCustomer(string customerId) => new(CustomerId: customerId);
}
