using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Chat.Internal.Models;
using StepOrders.Chat.Tests.Support;
using StepOrders.Orders;

namespace StepOrders.Chat.Tests.Models;

/// <summary>
/// Whatever goes wrong with the model (slow, failing, refusing, unreachable, breaker open), the customer still gets a
/// templated answer, within the configured timeout; time is fake, so nothing here waits for real.
/// </summary>
public class ModelFallbackTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly Shop _shop = new();

    public static TheoryData<string> Providers => ["bedrock", "anthropic", "openai"];

    private ChatAssistant Assistant(string provider, string serverUrl, Action<ChatAssistantOptions>? configure = null)
    {
        var options = new ChatAssistantOptions { Timeout = Timeout, RetryDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        IChatClient client;
        switch (provider)
        {
            case "bedrock":
                (options.Provider, options.Model, options.Endpoint) = (ChatProvider.Bedrock, "anthropic.claude-3-5-haiku-20241022-v1:0", serverUrl);
                client = ChatClientFactory.Bedrock(options, "us-east-1", new Amazon.Runtime.BasicAWSCredentials("AKID", "secret"), _shop.Time);
                break;
            case "anthropic":
                (options.Provider, options.Model, options.Endpoint) = (ChatProvider.Anthropic, "claude-sonnet-4-5", serverUrl);
                client = ChatClientFactory.Anthropic(options, "sk-ant-test");
                break;
            default:
                (options.Provider, options.Model, options.Endpoint) = (ChatProvider.OpenAI, "llama3.2", serverUrl + "/v1");
                client = ChatClientFactory.OpenAI(options, null);
                break;
        }
        return new ChatAssistant(_shop.Store, options, _shop.Time, NullLogger<ChatAssistant>.Instance, client);
    }

    private static Task Hang(HttpContext context) => Task.Delay(System.Threading.Timeout.Infinite, context.RequestAborted)
        .ContinueWith(_ => { }, TaskScheduler.Default);

    private static Task Fail(HttpContext context, int status) => ModelServer.Json(context, new
    {
        type = "error",
        message = "The model is not available.",
        error = new { type = "api_error", message = "The model is not available." },
    }, status);

    private static Task Succeed(string provider, HttpContext context, string text) =>
        ModelServer.Json(context, provider == "openai" ? ModelServer.ChatCompletion(text) : ModelServer.AnthropicMessage(text));

    private Task<ChatResult> Ask(ChatAssistant assistant, CancellationToken cancellationToken = default) =>
        assistant.AnswerAsync(new ChatQuestion($"Where is {_shop.AliceOrders[OrderStatus.Fulfillment].Id}?", Shop.Alice), cancellationToken);

    private static void AssertTemplateAnswer(ChatResult result)
    {
        Assert.Equal(ChatSource.Template, result.Answer!.Source);
        Assert.Contains("is being prepared for shipping (FULFILLMENT)", result.Answer.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_slow_model_is_cut_off_at_the_configured_timeout_and_the_templates_answer(string provider)
    {
        await using var server = await ModelServer.StartAsync((_, context) => Hang(context));
        var answering = Ask(Assistant(provider, server.Url));
        await server.NextRequestAsync();

        _shop.Time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(answering.IsCompleted);
        _shop.Time.Advance(TimeSpan.FromMilliseconds(1));

        AssertTemplateAnswer(await answering.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(server.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_model_is_retried_then_the_templates_answer(string provider)
    {
        await using var server = await ModelServer.StartAsync((_, context) => Fail(context, StatusCodes.Status500InternalServerError));

        var result = await Ask(Assistant(provider, server.Url));

        AssertTemplateAnswer(result);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_throttled_model_that_recovers_on_a_retry_answers(string provider)
    {
        var calls = 0;
        await using var server = await ModelServer.StartAsync((_, context) => Interlocked.Increment(ref calls) == 1
            ? Fail(context, StatusCodes.Status429TooManyRequests)
            : Succeed(provider, context, "It is being prepared."));

        var result = await Ask(Assistant(provider, server.Url));

        Assert.Equal(ChatSource.Model, result.Answer!.Source);
        Assert.Equal("It is being prepared.", result.Answer.Reply);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_request_the_model_refuses_is_not_retried(string provider)
    {
        await using var server = await ModelServer.StartAsync((_, context) => Fail(context, StatusCodes.Status400BadRequest));

        var result = await Ask(Assistant(provider, server.Url));

        AssertTemplateAnswer(result);
        Assert.Single(server.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task After_repeated_failures_the_breaker_opens_and_the_model_is_left_alone_until_the_break_is_over(string provider)
    {
        await using var server = await ModelServer.StartAsync((_, context) => Fail(context, StatusCodes.Status503ServiceUnavailable));
        var assistant = Assistant(provider, server.Url, options =>
        {
            options.MaxRetries = 0;
            options.BreakerMinimumThroughput = 2;
            options.BreakDuration = TimeSpan.FromSeconds(30);
        });

        AssertTemplateAnswer(await Ask(assistant));
        AssertTemplateAnswer(await Ask(assistant));
        AssertTemplateAnswer(await Ask(assistant));
        Assert.Equal(2, server.Requests.Count);

        _shop.Time.Advance(TimeSpan.FromSeconds(30));
        AssertTemplateAnswer(await Ask(assistant));
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_unreachable_model_falls_back_to_the_templates(string provider)
    {
        string url;
        await using (var stopped = await ModelServer.StartAsync((_, context) => Task.CompletedTask))
        {
            url = stopped.Url;
        }

        AssertTemplateAnswer(await Ask(Assistant(provider, url)));
    }

    [Fact]
    public async Task A_caller_that_gives_up_gets_a_cancellation_not_a_template()
    {
        await using var server = await ModelServer.StartAsync((_, context) => Hang(context));
        using var caller = new CancellationTokenSource();
        var answering = Ask(Assistant("openai", server.Url), caller.Token);
        await server.NextRequestAsync();

        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answering.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_empty_model_reply_falls_back_to_the_templates()
    {
        var result = await Ask(_shop.Assistant(new StubChatClient(_ => "  ")));

        AssertTemplateAnswer(result);
    }
}
