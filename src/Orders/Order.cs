namespace StepOrders.Orders;

/// <summary>
/// An order and its history. Immutable: a status change returns the next version of the order, which the
/// store saves only if the stored status is still the one this version came from.
/// </summary>
public sealed record Order
{
    public required OrderId Id { get; init; }
    public required string CustomerId { get; init; }
    public required IReadOnlyList<OrderLine> Lines { get; init; }
    public required string Currency { get; init; }
    public required ShippingAddress ShippingAddress { get; init; }
    public required string PaymentToken { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required OrderStatus Status { get; init; }
    public required IReadOnlyList<StatusChange> History { get; init; }
    public OrderFailure? Failure { get; init; }

    public Money Total => Lines.Aggregate(Money.Zero(Currency), (sum, line) => sum + new Money(line.Amount, Currency));

    public DateTimeOffset UpdatedAt => History[^1].At;

    /// <summary>The name of the order's workflow execution: the order id, so a duplicate start is harmless.</summary>
    public string ExecutionName => Id.Value;

    public static Order Place(OrderDraft draft, OrderId id, DateTimeOffset now) => new()
    {
        Id = id,
        CustomerId = draft.CustomerId,
        Lines = draft.Lines,
        Currency = draft.Currency.Code,
        ShippingAddress = draft.ShippingAddress,
        PaymentToken = draft.PaymentToken,
        CreatedAt = now,
        Status = OrderStatus.Pending,
        History = [new StatusChange(OrderStatus.Pending, now, "Order accepted.")],
    };

    /// <summary>The one way an order changes status: legal moves return the next version, others an error.</summary>
    public StatusChangeResult MoveTo(OrderStatus next, DateTimeOffset at, string detail, OrderFailure? failure = null)
    {
        if (!OrderLifecycle.CanMove(Status, next))
        {
            return StatusChangeResult.Illegal(this, next);
        }
        if ((next == OrderStatus.Failed) != (failure is not null))
        {
            throw new ArgumentException("A failure is given exactly when the order moves to FAILED.", nameof(failure));
        }
        return StatusChangeResult.Moved(this with
        {
            Status = next,
            History = [.. History, new StatusChange(next, at, detail)],
            Failure = next == OrderStatus.Pending ? null : failure ?? Failure,
        });
    }
}
