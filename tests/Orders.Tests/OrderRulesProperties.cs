using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StepOrders.Orders;

namespace StepOrders.Orders.Tests;

/// <summary>A request to place an order as a hostile or careless client sends it: any field missing, empty, odd or out of range.</summary>
public sealed record HostileOrder(PlaceOrder Request);

public static partial class HostileOrders
{
    private static readonly Gen<string?> Text = Gen.Frequency(
        (2, Gen.Elements<string?>(null, "", " ", "\t", "EUR", "eur", "JPY", "BHD", "XXX", "GB", "gb", "G", "tok_approve", "tok_", "tok_" + new string('a', 61),
            "SKU-1", "-SKU", "a.b_c-d", new string('x', 64), new string('x', 65), new string('y', 201), "\0", "💥", "ord_01JQ", "'; DROP TABLE orders; --")),
        (1, Gen.Elements("abcXYZ019 ._-💥\0\u00e9\u200b/\\\"'".ToCharArray()).ListOf().Select(chars => (string?)new string([.. chars]))));

    private static readonly Gen<int?> Quantity = Gen.Frequency(
        (1, Gen.Constant<int?>(null)),
        (2, Gen.Elements<int?>(0, 1, -1, 999, 1000, 1001, int.MaxValue, int.MinValue)),
        (3, Gen.Choose(-5, 1_200).Select(q => (int?)q)));

    private static readonly Gen<decimal?> Price = Gen.Frequency(
        (1, Gen.Constant<decimal?>(null)),
        (2, Gen.Elements<decimal?>(0m, -0.01m, 0.001m, 1.5m, 999_999.99m, 1_000_000m, 1_000_000.01m, decimal.MaxValue, decimal.MinValue, 0.0000000001m)),
        (3, Gen.Choose(-100, 200_000).Select(cents => (decimal?)(cents / 100m))));

    private static readonly Gen<PlaceOrderLine?> Line = Gen.Frequency(
        (1, Gen.Constant<PlaceOrderLine?>(null)),
        (8, Text.SelectMany(sku => Quantity, (sku, quantity) => (sku, quantity))
            .SelectMany(_ => Price, (line, price) => (PlaceOrderLine?)new PlaceOrderLine(line.sku, line.quantity, price))));

    private static readonly Gen<IReadOnlyList<PlaceOrderLine?>?> Lines = Gen.Frequency(
        (1, Gen.Constant<IReadOnlyList<PlaceOrderLine?>?>(null)),
        (1, Line.ArrayOf(101).Select(lines => (IReadOnlyList<PlaceOrderLine?>?)lines)),
        (8, Gen.Choose(0, 4).SelectMany(count => Line.ArrayOf(count), (_, lines) => (IReadOnlyList<PlaceOrderLine?>?)lines)));

    private static readonly Gen<PlaceOrderAddress?> Address = Gen.Frequency(
        (1, Gen.Constant<PlaceOrderAddress?>(null)),
        (6, Text.ArrayOf(6).Select(t => (PlaceOrderAddress?)new PlaceOrderAddress(t[0], t[1], t[2], t[3], t[4], t[5]))));

    public static Arbitrary<HostileOrder> Orders() =>
        Text.SelectMany(customer => Lines, (customer, lines) => (customer, lines))
            .SelectMany(_ => Text, (order, currency) => (order.customer, order.lines, currency))
            .SelectMany(_ => Address, (order, address) => (order.customer, order.lines, order.currency, address))
            .SelectMany(_ => Text, (order, token) => new HostileOrder(new PlaceOrder(order.customer, order.lines, order.currency, order.address, token)))
            .ToArbitrary();

    /// <summary>Every field name a rejection may use, as the client sent the request.</summary>
    [GeneratedRegex(@"^(customerId|currency|paymentToken|items|items\[\d+\](\.(sku|quantity|unitPrice))?|shippingAddress(\.(name|line1|line2|city|postalCode|country))?)$")]
    public static partial Regex KnownField();
}

public sealed class OrderRulesProperties
{
    [Property(MaxTest = 3_000, Arbitrary = [typeof(HostileOrders)])]
    public void Any_request_is_either_accepted_within_every_limit_or_rejected_naming_only_real_fields(HostileOrder order)
    {
        var validation = OrderRules.Validate(order.Request);

        Assert.Equal(validation.IsValid, validation.Errors.Count == 0);
        if (validation.Draft is not { } draft)
        {
            Assert.All(validation.Errors, error =>
            {
                Assert.Matches(HostileOrders.KnownField(), error.Field);
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            });
            return;
        }
        Assert.Equal(order.Request.CustomerId, draft.CustomerId);
        Assert.InRange(draft.Lines.Count, 1, OrderRules.MaxLines);
        Assert.All(draft.Lines, line =>
        {
            Assert.InRange(line.Quantity, 1, OrderRules.MaxQuantity);
            Assert.InRange(line.UnitPrice, 0m, OrderRules.MaxUnitPrice);
            Assert.True(draft.Currency.Fits(line.UnitPrice));
        });
        Assert.Equal(order.Request.PaymentToken ?? OrderRules.DefaultPaymentToken, draft.PaymentToken);
    }
}
