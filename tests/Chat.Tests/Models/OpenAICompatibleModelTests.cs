using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Chat.Internal.Models;
using StepOrders.Chat.Tests.Support;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests.Models;

/// <summary>An OpenAI-compatible chat completions endpoint (Ollama, vLLM, LM Studio), against a loopback server speaking it.</summary>
public class OpenAICompatibleModelTests
{
    private readonly Shop _shop = new();

    [Fact]
    public async Task Chat_completions_request_carries_model_system_prompt_context_history_and_question_and_its_reply_is_the_answer()
    {
        var listed = new[] { OrderStatus.Pending, OrderStatus.Validating }.Select(status => _shop.AliceOrders[status].Id).ToList();
        await using var server = await ModelServer.StartAsync((_, context) =>
            ModelServer.Json(context, ModelServer.ChatCompletion($"Your newest orders are {listed[0]} and {listed[1]}.")));
        var options = new ChatAssistantOptions { Provider = ChatProvider.OpenAI, Model = "llama3.2", Endpoint = server.Url + "/v1" };
        var assistant = new ChatAssistant(_shop.Store, options, _shop.Time, NullLogger<ChatAssistant>.Instance, ChatClientFactory.OpenAI(options, "sk-local"));

        var first = await assistant.AnswerAsync(new ChatQuestion("Show my recent orders", Shop.Alice), CancellationToken.None);
        var second = await assistant.AnswerAsync(new ChatQuestion("and the second one?", Shop.Alice, first.Answer!.ConversationId), CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        var request = server.Requests[1];
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Target);
        Assert.Equal("Bearer sk-local", request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal("llama3.2", body.GetProperty("model").GetString());
        Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(message => message.GetProperty("role").GetString()));
        var system = WireText.Of(messages[0].GetProperty("content"));
        Assert.StartsWith(ModelPrompt.Rules, system, StringComparison.Ordinal);
        Assert.Contains($"about {listed[1]}.", system, StringComparison.Ordinal);
        Assert.Equal("Show my recent orders", WireText.Of(messages[1].GetProperty("content")));
        Assert.Equal(first.Answer.Reply, WireText.Of(messages[2].GetProperty("content")));
        Assert.Equal("and the second one?", WireText.Of(messages[3].GetProperty("content")));

        Assert.Equal(ChatSource.Model, second.Answer!.Source);
        Assert.Equal($"Your newest orders are {listed[0]} and {listed[1]}.", second.Answer.Reply);
        Assert.Equal(listed.Select(id => id.Value), second.Answer.OrderIds);
    }

    [Fact]
    public async Task A_server_that_needs_no_key_gets_a_placeholder_bearer_token()
    {
        await using var server = await ModelServer.StartAsync((_, context) => ModelServer.Json(context, ModelServer.ChatCompletion("Hi.")));
        var options = new ChatAssistantOptions { Provider = ChatProvider.OpenAI, Model = "llama3.2", Endpoint = server.Url + "/v1" };
        using var client = ChatClientFactory.Create(options, TimeProvider.System, _ => null)!;
        var assistant = new ChatAssistant(_shop.Store, options, _shop.Time, NullLogger<ChatAssistant>.Instance, client);

        var result = await assistant.AnswerAsync(new ChatQuestion("help", Shop.Alice), CancellationToken.None);

        Assert.Equal("Bearer none", Assert.Single(server.Requests).Header("Authorization"));
        Assert.Equal(ChatSource.Model, result.Answer!.Source);
    }
}
