namespace StepOrders.Orders.Ports;

/// <summary>Where orders live: DynamoDB on AWS, SQLite on one machine.</summary>
public interface IOrderStore
{
    Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken);

    /// <summary>Orders newest first, filtered by customer and/or status; the cursor continues a previous page.</summary>
    Task<OrderPage> ListAsync(OrderFilter filter, int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="next"/> (a version made by <see cref="Order.MoveTo"/>) only if the stored order is
    /// still in <paramref name="expectedStatus"/>, appending its newest history entry. False when another writer
    /// moved the order first: the caller reloads and decides again.
    /// </summary>
    Task<bool> TrySaveStatusChangeAsync(Order next, OrderStatus expectedStatus, CancellationToken cancellationToken);

    /// <summary>Orders still PENDING that were accepted before <paramref name="acceptedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<OrderId>> ListPendingAsync(DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken);
}
