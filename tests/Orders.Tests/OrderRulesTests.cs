using StepOrders.Orders;

namespace StepOrders.Orders.Tests;

public class OrderRulesTests
{
    internal static PlaceOrder ValidRequest() => new(
        "cust-42",
        [new PlaceOrderLine("SKU-1", 2, 19.99m)],
        "EUR",
        new PlaceOrderAddress("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", "GB"),
        null);

    [Fact]
    public void A_complete_request_is_accepted_with_the_default_payment_token()
    {
        var result = OrderRules.Validate(ValidRequest());

        Assert.True(result.IsValid);
        Assert.Equal("tok_approve", result.Draft!.PaymentToken);
        Assert.Equal(2, result.Draft.Lines[0].Quantity);
    }

    [Fact]
    public void Every_broken_rule_is_reported_with_its_field()
    {
        var request = new PlaceOrder(
            "",
            [new PlaceOrderLine("", 0, -1m), null, new PlaceOrderLine("SKU 2", 1001, 1.001m)],
            "XXX",
            new PlaceOrderAddress(" ", null, new string('x', 201), "", null, "Germany"),
            "card-4242");

        var fields = OrderRules.Validate(request).Errors.Select(e => e.Field).ToHashSet();

        string[] expected =
        [
            "customerId", "currency", "items[0].sku", "items[0].quantity", "items[0].unitPrice", "items[1]",
            "items[2].sku", "items[2].quantity", "shippingAddress.name", "shippingAddress.line1",
            "shippingAddress.line2", "shippingAddress.city", "shippingAddress.postalCode", "shippingAddress.country",
            "paymentToken",
        ];
        Assert.Equal(expected.ToHashSet(), fields);
    }

    [Fact]
    public void A_price_with_more_decimals_than_the_currency_has_is_rejected()
    {
        var request = ValidRequest() with { Currency = "JPY", Items = [new PlaceOrderLine("SKU-1", 1, 100.5m)] };

        var error = Assert.Single(OrderRules.Validate(request).Errors);

        Assert.Equal("items[0].unitPrice", error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void An_order_needs_one_to_a_hundred_items(int count)
    {
        var request = ValidRequest() with { Items = Enumerable.Repeat<PlaceOrderLine?>(new PlaceOrderLine("SKU-1", 1, 1m), count).ToList() };

        var error = Assert.Single(OrderRules.Validate(request).Errors);

        Assert.Equal("items", error.Field);
    }

    [Fact]
    public void Missing_sections_are_named()
    {
        var request = new PlaceOrder(null, null, null, null, null);

        var fields = OrderRules.Validate(request).Errors.Select(e => e.Field);

        Assert.Equal(["customerId", "currency", "items", "shippingAddress"], fields);
    }
}
