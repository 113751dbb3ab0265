using StepOrders.Orders;

namespace StepOrders.Aws.Tests.Contracts;

/// <summary>Orders for the contract suites, placed the way the API places them.</summary>
public static class OrderSamples
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static Order Placed(string customerId, DateTimeOffset at, string paymentToken = TestCardNetwork.Approve, params OrderLine[] lines)
    {
        var draft = new OrderDraft(
            customerId,
            lines.Length > 0 ? lines : [new OrderLine("SKU-MUG", 2, 12.50m), new OrderLine("SKU-TEE", 1, 19.99m)],
            Currency.TryFind("EUR", out var eur) ? eur : throw new InvalidOperationException(),
            new ShippingAddress("Ada Lovelace", "12 Analytical Way", null, "London", "N1 7AA", "GB"),
            paymentToken);
        return Order.Place(draft, OrderId.New(at), at);
    }

    /// <summary>The next version of <paramref name="order"/>, which must be a legal move.</summary>
    public static Order Moved(Order order, OrderStatus next, DateTimeOffset at, OrderFailure? failure = null) =>
        order.MoveTo(next, at, $"Moved to {next.ToWireName()}.", failure).Next
            ?? throw new InvalidOperationException($"{order.Status} to {next} is not a legal move.");
}
