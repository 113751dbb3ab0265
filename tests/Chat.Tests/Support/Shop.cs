using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests.Support;

/// <summary>
/// A store with Alice's orders, one in each status, placed an hour apart (PENDING newest), and Bob's orders, whose
/// SKU, address and ids must never reach Alice. The clock is fake and stands a day after the first order.
/// </summary>
public sealed class Shop
{
    public const string Alice = "cust-alice";
    public const string Bob = "cust-bob";
    public const string BobSku = "SKU-BOB-SECRET";
    public const string BobStreet = "221B Baker Street";
    public const string BobName = "Robert Secretson";

    /// <summary>Bob's order ids are fixed, so hostile messages written before a shop exists can name them.</summary>
    public static readonly OrderId[] BobOrderIds = [OrderId.Parse("ord_01KJQ1B0B0FA11ED0RDER00001"), OrderId.Parse("ord_01KJQ1B0B0SH1PP1NG0RDER002")];

    public static readonly DateTimeOffset FirstOrderAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public Shop(bool withOrders = true)
    {
        if (!withOrders)
        {
            return;
        }
        // Oldest first, so the statuses' order is the placing order and PENDING is the newest.
        var at = FirstOrderAt;
        foreach (var status in new[]
                 {
                     OrderStatus.Completed, OrderStatus.Failed, OrderStatus.Fulfillment, OrderStatus.PaymentProcessing,
                     OrderStatus.InventoryCheck, OrderStatus.Validating, OrderStatus.Pending,
                 })
        {
            AliceOrders[status] = Place(Alice, status, at);
            at = at.AddHours(1);
        }
        BobOrders.Add(Place(Bob, OrderStatus.Failed, FirstOrderAt.AddMinutes(30), OrderErrors.OutOfStock, BobSku, street: BobStreet, name: BobName, id: BobOrderIds[0]));
        BobOrders.Add(Place(Bob, OrderStatus.Fulfillment, at, sku: BobSku, street: BobStreet, name: BobName, id: BobOrderIds[1]));
    }

    public FakeTimeProvider Time { get; } = new(FirstOrderAt.AddDays(1));

    public InMemoryOrderStore Store { get; } = new();

    public Dictionary<OrderStatus, Order> AliceOrders { get; } = [];

    public List<Order> BobOrders { get; } = [];

    public ChatAssistant Assistant(IChatClient? model = null, Action<ChatAssistantOptions>? configure = null)
    {
        var options = new ChatAssistantOptions { RetryDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        return new ChatAssistant(Store, options, Time, NullLogger<ChatAssistant>.Instance, model);
    }

    /// <summary>
    /// Places an order and walks it to <paramref name="status"/>, five minutes a step. A failed order fails in the
    /// step its error belongs to: validation, stock check or payment.
    /// </summary>
    public Order Place(
        string customer, OrderStatus status, DateTimeOffset at, string error = OrderErrors.PaymentDeclined,
        string sku = "SKU-MUG", int quantity = 2, decimal unitPrice = 14.95m, string street = "12 Analytical Row", string name = "Ada Lovelace", OrderId? id = null)
    {
        Currency.TryFind("EUR", out var euro);
        var draft = new OrderDraft(customer, [new OrderLine(sku, quantity, unitPrice), new OrderLine("SKU-TEA", 1, 6.5m)], euro,
            new ShippingAddress(name, street, null, "London", "NW1 6XE", "GB"), "tok_approve");
        var order = Order.Place(draft, id ?? OrderId.New(at), at);
        var failAt = error switch
        {
            OrderErrors.Invalid => OrderStatus.Validating,
            OrderErrors.OutOfStock => OrderStatus.InventoryCheck,
            _ => OrderStatus.PaymentProcessing,
        };
        var target = status == OrderStatus.Failed ? failAt : status;
        while (order.Status != target)
        {
            at = at.AddMinutes(5);
            order = order.MoveTo(order.Status + 1, at, $"{(order.Status + 1).StepName()} started.").Next!;
        }
        if (status == OrderStatus.Failed)
        {
            var step = order.Status.StepName();
            var cause = error switch
            {
                OrderErrors.PaymentDeclined => "The card issuer declined the payment.",
                OrderErrors.OutOfStock => $"Only 0 of {sku} are available.",
                _ => "The shipping address is incomplete.",
            };
            order = order.MoveTo(OrderStatus.Failed, at.AddMinutes(1), $"{step} failed with {error}: {cause} Stock released.",
                new OrderFailure(step, error, cause)).Next!;
        }
        Store.Add(order);
        return order;
    }
}
