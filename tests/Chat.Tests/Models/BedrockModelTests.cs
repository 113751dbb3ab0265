using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Chat.Internal.Models;
using StepOrders.Chat.Tests.Support;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests.Models;

/// <summary>
/// Claude on Amazon Bedrock through Anthropic.Bedrock, against a loopback server speaking InvokeModel: the request
/// is the documented Claude body, SigV4-signed with the session token, and the reply is parsed.
/// </summary>
public class BedrockModelTests
{
    private const string ModelId = "anthropic.claude-3-5-haiku-20241022-v1:0";
    private readonly Shop _shop = new();

    private ChatAssistant Assistant(string endpoint, AWSCredentials credentials)
    {
        var options = new ChatAssistantOptions { Provider = ChatProvider.Bedrock, Model = ModelId, Endpoint = endpoint, Region = "eu-central-1", RetryDelay = TimeSpan.Zero };
        var client = ChatClientFactory.Bedrock(options, "eu-central-1", credentials, _shop.Time);
        return new ChatAssistant(_shop.Store, options, _shop.Time, NullLogger<ChatAssistant>.Instance, client);
    }

    [Fact]
    public async Task InvokeModel_carries_the_model_the_system_prompt_the_context_and_the_question_and_its_reply_is_the_answer()
    {
        var order = _shop.AliceOrders[OrderStatus.Fulfillment];
        await using var server = await ModelServer.StartAsync((_, context) =>
            ModelServer.Json(context, ModelServer.AnthropicMessage($"Order {order.Id} is being prepared and should ship by 2026-03-04.")));

        var result = await Assistant(server.Url, new SessionAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG", "session-token-1"))
            .AnswerAsync(new ChatQuestion($"When will {order.Id} ship?", Shop.Alice), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/model/{ModelId}/invoke", request.Target);
        var body = request.Json;
        Assert.Equal("bedrock-2023-05-31", body.GetProperty("anthropic_version").GetString());
        Assert.False(body.TryGetProperty("model", out _), "The model id travels in the path, not the body.");
        Assert.Equal(400, body.GetProperty("max_tokens").GetInt32());
        var system = WireText.Of(body.GetProperty("system"));
        Assert.StartsWith(ModelPrompt.Rules, system, StringComparison.Ordinal);
        Assert.Contains($"- {order.Id}: status FULFILLMENT (being prepared for shipping)", system, StringComparison.Ordinal);
        var message = Assert.Single(body.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        Assert.Equal($"When will {order.Id} ship?", WireText.Of(message.GetProperty("content")));

        Assert.Equal(ChatSource.Model, result.Answer!.Source);
        Assert.Equal($"Order {order.Id} is being prepared and should ship by 2026-03-04.", result.Answer.Reply);
        Assert.Equal([order.Id.Value], result.Answer.OrderIds);
    }

    [Fact]
    public async Task InvokeModel_is_signed_with_SigV4_for_bedrock_in_the_region_including_the_session_token()
    {
        await using var server = await ModelServer.StartAsync((_, context) => ModelServer.Json(context, ModelServer.AnthropicMessage("Hello.")));

        await Assistant(server.Url, new SessionAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG", "session-token-1"))
            .AnswerAsync(new ChatQuestion("help", Shop.Alice), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        var authorization = request.Header("Authorization")!;
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260303/eu-central-1/bedrock/aws4_request, SignedHeaders=", authorization, StringComparison.Ordinal);
        Assert.Contains("x-amz-security-token", authorization, StringComparison.Ordinal);
        Assert.Equal("session-token-1", request.Header("x-amz-security-token"));
        Assert.Equal("20260303T090000Z", request.Header("x-amz-date"));
        Assert.EndsWith($"Signature={SigV4.Signature(request, "wJalrXUtnFEMI/K7MDENG")}", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_term_keys_sign_without_a_session_token()
    {
        await using var server = await ModelServer.StartAsync((_, context) => ModelServer.Json(context, ModelServer.AnthropicMessage("Hello.")));

        await Assistant(server.Url, new BasicAWSCredentials("AKIDEXAMPLE", "secret"))
            .AnswerAsync(new ChatQuestion("help", Shop.Alice), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Null(request.Header("x-amz-security-token"));
        Assert.EndsWith($"Signature={SigV4.Signature(request, "secret")}", request.Header("Authorization"), StringComparison.Ordinal);
    }
}
