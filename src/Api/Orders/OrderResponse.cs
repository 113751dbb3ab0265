using StepOrders.Orders;

namespace StepOrders.Api.Orders;

/// <summary>An order as the API shows it; <see cref="Execution"/> is left out of listings, <see cref="Failure"/> unless FAILED.</summary>
public sealed record OrderResponse(
    string OrderId,
    string CustomerId,
    OrderStatus Status,
    IReadOnlyList<OrderItem> Items,
    decimal Total,
    string Currency,
    ShippingAddress ShippingAddress,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<StatusChange> History,
    ExecutionSummary? Execution,
    OrderFailure? Failure)
{
    /// <summary>The status of an execution that has not started yet: the order is still in the queue.</summary>
    public const string NotStarted = "NOT_STARTED";

    public static OrderResponse From(Order order, ExecutionSummary? execution = null)
    {
        var items = new OrderItem[order.Lines.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var line = order.Lines[i];
            items[i] = new OrderItem(line.Sku, line.Quantity, line.UnitPrice);
        }
        return new OrderResponse(
            order.Id.Value, order.CustomerId, order.Status, items, order.Total.Amount, order.Currency, order.ShippingAddress,
            order.CreatedAt, order.UpdatedAt, order.History, execution, order.Status == OrderStatus.Failed ? order.Failure : null);
    }
}

/// <summary>One line of an order, as the client sent it.</summary>
public sealed record OrderItem(string Sku, int Quantity, decimal UnitPrice);
