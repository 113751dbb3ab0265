using System.Text;
using System.Text.Json.Nodes;
using StepOrders.Orders;

namespace StepOrders.Crash.Schedule;

internal sealed record PlannedLine(string Sku, int Quantity, decimal UnitPrice);

/// <summary>The status an order must end in, and the error when it fails.</summary>
internal sealed record ExpectedOutcome(OrderStatus Status, string? Error);

/// <summary>
/// One order the run places, with the <c>Idempotency-Key</c> every attempt sends. Its body is fixed bytes: a retry
/// must send the same request, or the host rightly answers 422 (key reused for another request).
/// </summary>
internal sealed record OrderPlan(int Number, string IdempotencyKey, string CustomerId, IReadOnlyList<PlannedLine> Lines, string? Token)
{
    public const string OutOfStockSku = "SKU-OUT";

    public byte[] Body { get; } = Encode(CustomerId, Lines, Token);

    /// <summary>Stock is checked before payment, so an order with SKU-OUT fails out of stock whatever its token.</summary>
    public ExpectedOutcome Expected =>
        Lines.Any(line => line.Sku == OutOfStockSku) ? new(OrderStatus.Failed, OrderErrors.OutOfStock)
        : Token == TestCardNetwork.Decline ? new(OrderStatus.Failed, OrderErrors.PaymentDeclined)
        : new(OrderStatus.Completed, null);

    private static byte[] Encode(string customerId, IReadOnlyList<PlannedLine> lines, string? token)
    {
        var items = new JsonArray();
        foreach (var line in lines)
        {
            items.Add(new JsonObject { ["sku"] = line.Sku, ["quantity"] = line.Quantity, ["unitPrice"] = line.UnitPrice });
        }
        var body = new JsonObject
        {
            ["customerId"] = customerId,
            ["items"] = items,
            ["currency"] = "EUR",
            ["shippingAddress"] = new JsonObject
            {
                ["name"] = "Ada Lovelace",
                ["line1"] = "1 Crash Way",
                ["city"] = "London",
                ["postalCode"] = "N1 9GU",
                ["country"] = "GB",
            },
        };
        if (token is not null)
        {
            body["paymentToken"] = token;
        }
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
