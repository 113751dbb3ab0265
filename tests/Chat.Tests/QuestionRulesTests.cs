using StepOrders.Chat.Tests.Support;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests;

public class QuestionRulesTests
{
    private readonly Shop _shop = new();

    [Fact]
    public async Task A_message_over_2000_characters_is_rejected_with_a_clear_error()
    {
        var result = await _shop.Assistant().AnswerAsync(new ChatQuestion(new string('a', 2001), Shop.Alice), CancellationToken.None);

        Assert.False(result.IsAnswered);
        Assert.Equal([new FieldError("message", "must be at most 2000 characters (it has 2001).")], result.Errors);
    }

    [Fact]
    public async Task A_message_of_exactly_2000_characters_is_answered()
    {
        var message = "Where is my order? " + new string('.', 2000 - 19);

        var result = await _shop.Assistant().AnswerAsync(new ChatQuestion(message, Shop.Alice), CancellationToken.None);

        Assert.True(result.IsAnswered);
    }

    [Fact]
    public async Task The_length_limit_comes_from_the_options()
    {
        var result = await _shop.Assistant(configure: options => options.MaxMessageLength = 10)
            .AnswerAsync(new ChatQuestion("Where is my order?", Shop.Alice), CancellationToken.None);

        Assert.Equal("must be at most 10 characters (it has 18).", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("", Shop.Alice, "message")]
    [InlineData("   ", Shop.Alice, "message")]
    [InlineData("Where is my order?", "", "customerId")]
    public async Task An_empty_message_or_a_missing_customer_is_rejected(string message, string customer, string field)
    {
        var result = await _shop.Assistant().AnswerAsync(new ChatQuestion(message, customer), CancellationToken.None);

        Assert.Equal(field, Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task A_rejected_question_never_reaches_the_model()
    {
        var model = StubChatClient.Echo();

        await _shop.Assistant(model).AnswerAsync(new ChatQuestion(new string('x', 5000), Shop.Alice), CancellationToken.None);

        Assert.Empty(model.Calls);
        Assert.Empty(_shop.Store.Listings);
    }
}
