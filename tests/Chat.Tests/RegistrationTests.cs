using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Chat.Tests.Support;
using StepOrders.Orders.Ports;

namespace StepOrders.Chat.Tests;

public class RegistrationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var shop = new Shop();
        var services = new ServiceCollection();
        services.AddSingleton<IOrderStore>(shop.Store);
        services.AddSingleton<TimeProvider>(shop.Time);
        more?.Invoke(services);
        services.AddStepOrdersChat(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Without_a_Chat_section_the_assistant_answers_from_templates()
    {
        await using var services = Services([]);

        var result = await services.GetRequiredService<ChatAssistant>().AnswerAsync(new ChatQuestion("help", Shop.Alice), CancellationToken.None);

        Assert.Equal(ChatSource.Template, result.Answer!.Source);
        Assert.Null(services.GetKeyedService<IChatClient>(ChatServiceCollectionExtensions.ModelKey));
    }

    [Fact]
    public async Task The_Chat_section_chooses_the_provider_model_endpoint_and_limits()
    {
        await using var server = await ModelServer.StartAsync((_, context) => ModelServer.Json(context, ModelServer.ChatCompletion("Hello from the local model.")));
        await using var services = Services(new()
        {
            ["Chat:Provider"] = "openai",
            ["Chat:Model"] = "qwen2.5:7b",
            ["Chat:Endpoint"] = server.Url + "/v1",
            ["Chat:Timeout"] = "00:00:03",
            ["Chat:MaxMessageLength"] = "500",
            ["Chat:ConversationLifetime"] = "00:05:00",
        });

        var options = services.GetRequiredService<ChatAssistantOptions>();
        var result = await services.GetRequiredService<ChatAssistant>().AnswerAsync(new ChatQuestion("help", Shop.Alice), CancellationToken.None);

        Assert.Equal((ChatProvider.OpenAI, "qwen2.5:7b", TimeSpan.FromSeconds(3), 500, TimeSpan.FromMinutes(5)),
            (options.Provider, options.Model, options.Timeout, options.MaxMessageLength, options.ConversationLifetime));
        Assert.Equal(ChatSource.Model, result.Answer!.Source);
        Assert.Equal("qwen2.5:7b", Assert.Single(server.Requests).Json.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_host_may_supply_its_own_model_under_the_assistants_key()
    {
        var model = new StubChatClient(_ => "From the host's model.");
        await using var services = Services(
            new() { ["Chat:Provider"] = "bedrock", ["Chat:Model"] = "anthropic.claude-3-5-haiku-20241022-v1:0" },
            more => more.AddKeyedSingleton<IChatClient>(ChatServiceCollectionExtensions.ModelKey, model));

        var result = await services.GetRequiredService<ChatAssistant>().AnswerAsync(new ChatQuestion("help", Shop.Alice), CancellationToken.None);

        Assert.Equal("From the host's model.", result.Answer!.Reply);
    }

    [Fact]
    public void An_invalid_Chat_section_fails_at_registration_naming_every_bad_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new()
        {
            ["Chat:Provider"] = "anthropic",
            ["Chat:Timeout"] = "00:00:00",
            ["Chat:Endpoint"] = "not a url",
        }));

        Assert.Contains("Chat:Model is required for the Anthropic provider.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Chat:Timeout must be between", error.Message, StringComparison.Ordinal);
        Assert.Contains("Chat:Endpoint must be an absolute URL.", error.Message, StringComparison.Ordinal);
    }
}
