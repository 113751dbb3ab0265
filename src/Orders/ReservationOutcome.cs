namespace StepOrders.Orders;

/// <summary>What a stock reservation came to.</summary>
public abstract record ReservationOutcome
{
    private ReservationOutcome()
    {
    }

    public sealed record Reserved(int Units) : ReservationOutcome;

    /// <summary>A line asked for more than is available (0 for a SKU that is not stocked); nothing was reserved.</summary>
    public sealed record OutOfStock(string Sku, int Requested, int Available) : ReservationOutcome;
}
