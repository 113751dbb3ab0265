using StepOrders.Orders;

namespace StepOrders.Local.Tests.Orders;

public static class TestOrders
{
    public static Order Place(DateTimeOffset at, string customerId = "cust-1", params OrderLine[] lines) =>
        Order.Place(
            new OrderDraft(
                customerId,
                lines.Length > 0 ? lines : [new OrderLine("SKU-1", 2, 19.99m)],
                Currency.TryFind("EUR", out var euro) ? euro : throw new InvalidOperationException(),
                new ShippingAddress("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", "GB"),
                TestCardNetwork.Approve),
            OrderId.New(at),
            at);
}
