using StepOrders.Chat.Tests.Support;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests;

/// <summary>A conversation id lets a follow-up refer to what was said before, for a while, and only for its customer.</summary>
public class ConversationTests
{
    private readonly Shop _shop = new();
    private readonly ChatAssistant _assistant;

    public ConversationTests() => _assistant = _shop.Assistant();

    private async Task<ChatAnswer> Ask(string message, string? conversationId = null, string customer = Shop.Alice) =>
        (await _assistant.AnswerAsync(new ChatQuestion(message, customer, conversationId), CancellationToken.None)).Answer!;

    [Fact]
    public async Task And_the_one_before_is_the_order_placed_before_the_one_last_talked_about()
    {
        var first = await Ask($"Where is {_shop.AliceOrders[OrderStatus.Fulfillment].Id}?");

        var followUp = await Ask("and the one before?", first.ConversationId);

        Assert.Equal(first.ConversationId, followUp.ConversationId);
        Assert.Equal([_shop.AliceOrders[OrderStatus.Failed].Id.Value], followUp.OrderIds);
        Assert.Contains("(FAILED)", followUp.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_keeps_the_question_it_follows()
    {
        var first = await Ask($"When will {_shop.AliceOrders[OrderStatus.Fulfillment].Id} ship?");

        var before = await Ask("and the one before?", first.ConversationId);
        var next = await Ask("and the next one?", before.ConversationId);

        Assert.Contains("will not ship: it failed", before.Reply, StringComparison.Ordinal);
        Assert.Equal([_shop.AliceOrders[OrderStatus.Fulfillment].Id.Value], next.OrderIds);
        Assert.Contains("should ship by", next.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_means_the_order_last_talked_about()
    {
        var completed = _shop.AliceOrders[OrderStatus.Completed];
        var first = await Ask($"status of {completed.Id}");

        var followUp = await Ask("when will it ship?", first.ConversationId);

        Assert.Equal([completed.Id.Value], followUp.OrderIds);
        Assert.Contains("handed over for shipping", followUp.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_one_is_the_second_order_of_the_list_last_shown()
    {
        var list = await Ask("show my orders");

        var second = await Ask("what about the second one?", list.ConversationId);

        Assert.Equal([list.OrderIds[1]], second.OrderIds);
    }

    [Fact]
    public async Task A_conversation_expires_after_its_lifetime_without_questions()
    {
        var first = await Ask($"Where is {_shop.AliceOrders[OrderStatus.Completed].Id}?");
        _shop.Time.Advance(TimeSpan.FromMinutes(29));
        var kept = await Ask("and the next one?", first.ConversationId);
        _shop.Time.Advance(TimeSpan.FromMinutes(30));

        var expired = await Ask("and the one before?", first.ConversationId);

        Assert.Equal(first.ConversationId, kept.ConversationId);
        Assert.Equal([_shop.AliceOrders[OrderStatus.Failed].Id.Value], kept.OrderIds);
        Assert.NotEqual(first.ConversationId, expired.ConversationId);
        // Without the conversation, "the one before" is the one before the latest order.
        Assert.Equal([_shop.AliceOrders[OrderStatus.Validating].Id.Value], expired.OrderIds);
    }

    [Fact]
    public async Task Another_customer_cannot_continue_someone_elses_conversation()
    {
        var alices = await Ask($"Where is {_shop.AliceOrders[OrderStatus.Fulfillment].Id}?");

        var bobs = await Ask("and the one before?", alices.ConversationId, Shop.Bob);

        Assert.NotEqual(alices.ConversationId, bobs.ConversationId);
        Assert.Equal([_shop.BobOrders[0].Id.Value], bobs.OrderIds);
    }

    [Fact]
    public async Task An_unknown_conversation_id_starts_a_new_conversation()
    {
        var answer = await Ask("help", "conv_does-not-exist");

        Assert.NotEqual("conv_does-not-exist", answer.ConversationId);
        Assert.Matches("^conv_[0-9A-Z]{26}$", answer.ConversationId);
    }

    [Fact]
    public async Task A_reference_that_points_nowhere_asks_for_the_order_id()
    {
        var first = await Ask($"Where is {_shop.AliceOrders[OrderStatus.Pending].Id}?");

        var followUp = await Ask("and the next one?", first.ConversationId);

        Assert.Equal("I couldn't tell which order you mean. Please give me its id, or ask me for your recent orders.", followUp.Reply);
    }

    [Fact]
    public async Task The_model_sees_the_conversations_earlier_exchanges()
    {
        var model = StubChatClient.Echo();
        var assistant = _shop.Assistant(model);
        var first = (await assistant.AnswerAsync(new ChatQuestion("show my orders", Shop.Alice), CancellationToken.None)).Answer!;

        await assistant.AnswerAsync(new ChatQuestion("and the second one?", Shop.Alice, first.ConversationId), CancellationToken.None);

        var messages = model.Calls[1];
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(message => message.Role.Value));
        Assert.Equal("show my orders", messages[1].Text);
        Assert.Equal(first.Reply, messages[2].Text);
        Assert.Equal("and the second one?", messages[3].Text);
    }
}
