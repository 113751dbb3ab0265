using StepOrders.Chat.Tests.Support;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests;

/// <summary>With no model configured, every intent is answered from templates with the order's real facts.</summary>
public class TemplateAnswerTests
{
    private readonly Shop _shop = new();

    public static TheoryData<OrderStatus> Statuses => new(OrderLifecycle.All);

    private async Task<ChatAnswer> Ask(string message, string customer = Shop.Alice)
    {
        var result = await _shop.Assistant().AnswerAsync(new ChatQuestion(message, customer), CancellationToken.None);
        Assert.True(result.IsAnswered, string.Join("; ", result.Errors));
        Assert.Equal(ChatSource.Template, result.Answer!.Source);
        return result.Answer;
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Status_of_an_order_tells_its_status_last_update_items_and_total(OrderStatus status)
    {
        var order = _shop.AliceOrders[status];

        var answer = await Ask($"Where is my order {order.Id}?");

        Assert.Contains($"Order {order.Id} is ", answer.Reply, StringComparison.Ordinal);
        Assert.Contains($"({status.ToWireName()})", answer.Reply, StringComparison.Ordinal);
        Assert.Contains($"Last update {order.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {order.History[^1].Detail}", answer.Reply, StringComparison.Ordinal);
        Assert.Contains("3 items (2 × SKU-MUG, 1 × SKU-TEA) for a total of 36.40 EUR", answer.Reply, StringComparison.Ordinal);
        Assert.Equal([order.Id.Value], answer.OrderIds);
    }

    [Fact]
    public async Task Status_of_a_failed_order_tells_the_step_and_the_reason()
    {
        var order = _shop.AliceOrders[OrderStatus.Failed];

        var answer = await Ask($"status {order.Id}");

        Assert.Contains("It failed at the payment step (ProcessPayment) because the payment was declined.", answer.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_id_the_status_is_the_latest_orders()
    {
        var answer = await Ask("Where is my latest order?");

        Assert.Equal([_shop.AliceOrders[OrderStatus.Pending].Id.Value], answer.OrderIds);
        Assert.Contains("received and waiting to be processed (PENDING)", answer.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recent_orders_are_listed_newest_first_with_status_total_and_date()
    {
        var answer = await Ask("Show my recent orders");

        var newest = new[] { OrderStatus.Pending, OrderStatus.Validating, OrderStatus.InventoryCheck, OrderStatus.PaymentProcessing, OrderStatus.Fulfillment }
            .Select(status => _shop.AliceOrders[status]).ToList();
        Assert.StartsWith("Here are your 5 most recent orders:", answer.Reply, StringComparison.Ordinal);
        Assert.Equal(newest.Select(order => order.Id.Value), answer.OrderIds);
        var lines = answer.Reply.Split('\n')[1..];
        Assert.Equal(5, lines.Length);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal($"- {newest[i].Id}: {Describe(newest[i].Status)}, 36.40 EUR, placed {newest[i].CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.", lines[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Why_an_order_failed_is_the_step_error_cause_and_advice_or_that_it_did_not_fail(OrderStatus status)
    {
        var order = _shop.AliceOrders[status];

        var answer = await Ask($"Why did {order.Id} fail?");

        if (status == OrderStatus.Failed)
        {
            Assert.Equal(
                $"Order {order.Id} failed at the payment step (ProcessPayment) on {order.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC because the payment was declined "
                + "(Order.PaymentDeclined: The card issuer declined the payment). You can place the order again with another payment method.",
                answer.Reply);
        }
        else
        {
            Assert.Equal($"Order {order.Id} has not failed: it is {Describe(status)}.", answer.Reply);
        }
        Assert.Equal([order.Id.Value], answer.OrderIds);
    }

    [Theory]
    [InlineData(OrderErrors.OutOfStock, "the stock check step (CheckInventory)", "an item was out of stock", "back in stock")]
    [InlineData(OrderErrors.Invalid, "the validation step (ValidateOrder)", "the order did not pass validation", "check the order's details")]
    public async Task Why_an_order_failed_names_each_business_error_in_plain_words(string error, string step, string reason, string advice)
    {
        var order = _shop.Place(Shop.Alice, OrderStatus.Failed, Shop.FirstOrderAt.AddHours(20), error);

        var answer = await Ask($"what went wrong with {order.Id}");

        Assert.Contains($"failed at {step}", answer.Reply, StringComparison.Ordinal);
        Assert.Contains(reason, answer.Reply, StringComparison.Ordinal);
        Assert.Contains(advice, answer.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_my_last_order_failed_is_about_the_newest_failed_order()
    {
        var answer = await Ask("Why did my last order fail?");

        Assert.Equal([_shop.AliceOrders[OrderStatus.Failed].Id.Value], answer.OrderIds);
        Assert.Contains("declined", answer.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_an_order_failed_when_none_did_says_so()
    {
        var shop = new Shop(withOrders: false);
        var order = shop.Place(Shop.Alice, OrderStatus.Fulfillment, Shop.FirstOrderAt);

        var result = await shop.Assistant().AnswerAsync(new ChatQuestion("why did my order fail", Shop.Alice), CancellationToken.None);

        Assert.Equal($"None of your recent orders has failed. Your latest order, {order.Id}, is being prepared for shipping (FULFILLMENT).", result.Answer!.Reply);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task When_an_order_ships_depends_on_its_status(OrderStatus status)
    {
        var order = _shop.AliceOrders[status];

        var answer = await Ask($"When will {order.Id} ship?");

        var expected = status switch
        {
            OrderStatus.Completed => $"It was completed on {order.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC and has been handed over for shipping.",
            OrderStatus.Fulfillment => $"It has been in fulfillment since {order.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC and should ship by {order.UpdatedAt.AddDays(2).UtcDateTime:yyyy-MM-dd}.",
            OrderStatus.Failed => "will not ship: it failed at the payment step (ProcessPayment) because the payment was declined.",
            _ => "It will ship about 2 days after payment and stock are confirmed and it enters fulfillment.",
        };
        Assert.Contains(expected, answer.Reply, StringComparison.Ordinal);
        Assert.Contains(order.Id.Value, answer.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Cancelling_is_not_done_from_the_chat_and_the_reply_says_what_is_possible(OrderStatus status)
    {
        var order = _shop.AliceOrders[status];

        var answer = await Ask($"Cancel {order.Id} please");

        Assert.StartsWith("I can't cancel orders from this chat. ", answer.Reply, StringComparison.Ordinal);
        var expected = status switch
        {
            OrderStatus.Completed => "is already complete, so it can no longer be cancelled.",
            OrderStatus.Failed => "already failed at the payment step (ProcessPayment), so there is nothing to cancel and it will not ship.",
            _ => $"is {Describe(status)}; to cancel it, please contact customer support before it ships.",
        };
        Assert.Contains($"Order {order.Id} {expected}", answer.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("Hallo")]
    [InlineData("what is the meaning of life")]
    public async Task Help_and_anything_unrecognised_get_what_the_assistant_can_do(string message)
    {
        var answer = await Ask(message);

        Assert.StartsWith("I can help with your orders:", answer.Reply, StringComparison.Ordinal);
        Assert.Empty(answer.OrderIds);
    }

    [Fact]
    public async Task A_customer_without_orders_is_told_so()
    {
        var answer = await Ask("Where is my order?", customer: "cust-new");

        Assert.Equal("You don't have any orders yet.", answer.Reply);
    }

    [Fact]
    public async Task Several_named_orders_are_each_answered()
    {
        var first = _shop.AliceOrders[OrderStatus.Completed];
        var second = _shop.AliceOrders[OrderStatus.Fulfillment];

        var answer = await Ask($"status of {first.Id} and {second.Id}");

        Assert.Equal([first.Id.Value, second.Id.Value], answer.OrderIds);
        Assert.Contains("(COMPLETED)", answer.Reply, StringComparison.Ordinal);
        Assert.Contains("(FULFILLMENT)", answer.Reply, StringComparison.Ordinal);
    }

    private static string Describe(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "received and waiting to be processed (PENDING)",
        OrderStatus.Validating => "being checked (VALIDATING)",
        OrderStatus.InventoryCheck => "having its items reserved (INVENTORY_CHECK)",
        OrderStatus.PaymentProcessing => "waiting for its payment to go through (PAYMENT_PROCESSING)",
        OrderStatus.Fulfillment => "being prepared for shipping (FULFILLMENT)",
        OrderStatus.Completed => "complete (COMPLETED)",
        _ => "failed (FAILED)",
    };
}
