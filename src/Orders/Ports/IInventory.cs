namespace StepOrders.Orders.Ports;

/// <summary>Stock per SKU. Reservations are atomic over all lines of an order and idempotent by order id.</summary>
public interface IInventory
{
    /// <summary>Reserves every line or none; reserving again for the same order returns the first reservation.</summary>
    Task<ReservationOutcome> ReserveAsync(OrderId orderId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken);

    /// <summary>Gives an order's reserved stock back; true if there was a reservation to release.</summary>
    Task<bool> ReleaseAsync(OrderId orderId, CancellationToken cancellationToken);

    Task SetAvailableAsync(string sku, int available, CancellationToken cancellationToken);

    /// <summary>Stock on hand not reserved by any order, or null for a SKU that is not stocked.</summary>
    Task<int?> GetAvailableAsync(string sku, CancellationToken cancellationToken);
}
