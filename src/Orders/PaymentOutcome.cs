namespace StepOrders.Orders;

/// <summary>What a payment capture came to.</summary>
public abstract record PaymentOutcome
{
    private PaymentOutcome()
    {
    }

    public sealed record Captured(string PaymentId, Money Amount) : PaymentOutcome;

    public sealed record Declined(string Reason) : PaymentOutcome;

    /// <summary>The processor could not answer now; the same request may succeed later.</summary>
    public sealed record Unavailable(string Reason) : PaymentOutcome;
}
