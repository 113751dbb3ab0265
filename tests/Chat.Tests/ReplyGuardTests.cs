using StepOrders.Chat.Tests.Support;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests;

/// <summary>A model's reply naming any order outside the caller's context never reaches the caller.</summary>
public class ReplyGuardTests
{
    private readonly Shop _shop = new();

    private async Task<ChatAnswer> AnswerWhenTheModelSays(string reply, string message = "Where is my order?") =>
        (await _shop.Assistant(new StubChatClient(_ => reply)).AnswerAsync(new ChatQuestion(message, Shop.Alice), CancellationToken.None)).Answer!;

    [Fact]
    public async Task A_reply_about_the_callers_own_orders_is_the_answer()
    {
        var own = _shop.AliceOrders[OrderStatus.Pending].Id;

        var answer = await AnswerWhenTheModelSays($"Your order {own} was received and awaits processing.");

        Assert.Equal(ChatSource.Model, answer.Source);
        Assert.Equal([own.Value], answer.OrderIds);
    }

    [Fact]
    public async Task A_reply_that_names_no_order_still_lists_the_orders_the_question_was_about()
    {
        var answer = await AnswerWhenTheModelSays("Your latest order was received and awaits processing.");

        Assert.Equal(ChatSource.Model, answer.Source);
        Assert.Equal([_shop.AliceOrders[OrderStatus.Pending].Id.Value], answer.OrderIds);
    }

    public static TheoryData<string> ForeignIds
    {
        get
        {
            var bob = new Shop().BobOrders[0].Id.Value;
            return new()
            {
                bob,
                bob.ToLowerInvariant(),
                string.Concat(bob.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c)),
                bob.Insert(8, "\u200B"),
                bob[4..],
                OrderId.New(DateTimeOffset.UnixEpoch).Value,
                "ord_12345",
            };
        }
    }

    [Theory]
    [MemberData(nameof(ForeignIds))]
    public async Task A_reply_naming_an_order_outside_the_context_however_written_falls_back_to_the_templates(string foreign)
    {
        var answer = await AnswerWhenTheModelSays($"Sure! Order {foreign} belongs to another customer and is shipping.");

        Assert.Equal(ChatSource.Template, answer.Source);
        Assert.DoesNotContain(foreign, answer.Reply, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([_shop.AliceOrders[OrderStatus.Pending].Id.Value], answer.OrderIds);
    }

    [Fact]
    public async Task An_order_id_the_customer_wrote_but_does_not_own_is_not_repeated_by_the_model()
    {
        var bob = _shop.BobOrders[1].Id;

        var answer = await AnswerWhenTheModelSays($"Order {bob} is in fulfillment.", $"Where is {bob}?");

        Assert.Equal(ChatSource.Template, answer.Source);
        Assert.DoesNotContain(bob.Value, answer.Reply, StringComparison.OrdinalIgnoreCase);
    }
}
