using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Chat.Internal.Models;
using StepOrders.Chat.Tests.Support;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests.Models;

/// <summary>Anthropic's Messages API, against a loopback server speaking it.</summary>
public class AnthropicModelTests
{
    private readonly Shop _shop = new();

    [Fact]
    public async Task Messages_API_request_carries_key_version_model_system_prompt_context_and_question_and_its_reply_is_the_answer()
    {
        var failed = _shop.AliceOrders[OrderStatus.Failed];
        await using var server = await ModelServer.StartAsync((_, context) =>
            ModelServer.Json(context, ModelServer.AnthropicMessage($"Order {failed.Id} failed because the payment was declined.", "claude-sonnet-4-5")));
        var options = new ChatAssistantOptions { Provider = ChatProvider.Anthropic, Model = "claude-sonnet-4-5", Endpoint = server.Url };
        var assistant = new ChatAssistant(_shop.Store, options, _shop.Time, NullLogger<ChatAssistant>.Instance, ChatClientFactory.Anthropic(options, "sk-ant-test"));

        var result = await assistant.AnswerAsync(new ChatQuestion("Why did my last order fail?", Shop.Alice), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/messages", request.Target);
        Assert.Equal("sk-ant-test", request.Header("x-api-key"));
        Assert.False(string.IsNullOrEmpty(request.Header("anthropic-version")));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = request.Json;
        Assert.Equal("claude-sonnet-4-5", body.GetProperty("model").GetString());
        Assert.Equal(400, body.GetProperty("max_tokens").GetInt32());
        var system = WireText.Of(body.GetProperty("system"));
        Assert.StartsWith(ModelPrompt.Rules, system, StringComparison.Ordinal);
        Assert.Contains($"about {failed.Id}.", system, StringComparison.Ordinal);
        Assert.Contains("error Order.PaymentDeclined", system, StringComparison.Ordinal);
        var message = Assert.Single(body.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        Assert.Equal("Why did my last order fail?", WireText.Of(message.GetProperty("content")));

        Assert.Equal(ChatSource.Model, result.Answer!.Source);
        Assert.Equal($"Order {failed.Id} failed because the payment was declined.", result.Answer.Reply);
        Assert.Equal([failed.Id.Value], result.Answer.OrderIds);
    }

    [Fact]
    public void The_key_is_read_from_the_named_environment_variable_and_its_absence_is_a_configuration_error()
    {
        var options = new ChatAssistantOptions { Provider = ChatProvider.Anthropic, Model = "claude-sonnet-4-5", ApiKeyVariable = "SHOP_CLAUDE_KEY" };

        var missing = Assert.Throws<InvalidOperationException>(() => ChatClientFactory.Create(options, TimeProvider.System, _ => null));
        using var client = ChatClientFactory.Create(options, TimeProvider.System, name => name == "SHOP_CLAUDE_KEY" ? "sk-ant" : null);

        Assert.Contains("SHOP_CLAUDE_KEY", missing.Message, StringComparison.Ordinal);
        Assert.NotNull(client);
    }
}
