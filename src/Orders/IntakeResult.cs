namespace StepOrders.Orders;

/// <summary>What happened to an order handed to the intake.</summary>
public abstract record IntakeResult
{
    private IntakeResult()
    {
    }

    /// <summary>Stored and queued.</summary>
    public sealed record Accepted(Order Order) : IntakeResult;

    /// <summary>A retry of an earlier request with the same idempotency key and body: that request's order.</summary>
    public sealed record Replayed(OrderId OrderId) : IntakeResult;

    /// <summary>The idempotency key was used before with a different body.</summary>
    public sealed record KeyReused(OrderId OrderId) : IntakeResult;
}
