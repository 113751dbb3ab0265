namespace StepOrders.Orders.Ports;

/// <summary>
/// Stock per SKU. Reservations are atomic over all lines of an order and idempotent by order id. A reservation ends
/// one of two ways: released (its stock goes back) or settled (its stock left with the order and stays taken).
/// </summary>
public interface IInventory
{
    /// <summary>
    /// Reserves every line or none; reserving again for the same order returns the first reservation (also once it is
    /// settled, without taking anything again).
    /// </summary>
    Task<ReservationOutcome> ReserveAsync(OrderId orderId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken);

    /// <summary>
    /// Gives an order's reserved stock back; true if there was a reservation to release. A settled reservation is not
    /// released: false, and nothing goes back.
    /// </summary>
    Task<bool> ReleaseAsync(OrderId orderId, CancellationToken cancellationToken);

    /// <summary>
    /// The order's reserved stock has left with the order: the reservation ends without giving anything back, and a
    /// later <see cref="ReleaseAsync"/> gives nothing back. True when the order's reservation is settled, by this call
    /// or an earlier one (settling again changes nothing, and finishes a settling cut short); false when the order
    /// holds no reservation (none was made, or it was released).
    /// </summary>
    Task<bool> SettleAsync(OrderId orderId, CancellationToken cancellationToken);

    Task SetAvailableAsync(string sku, int available, CancellationToken cancellationToken);

    /// <summary>Stock on hand not reserved by any order, or null for a SKU that is not stocked.</summary>
    Task<int?> GetAvailableAsync(string sku, CancellationToken cancellationToken);
}
