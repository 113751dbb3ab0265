using System.ClientModel;
using System.ClientModel.Primitives;
using Amazon.Runtime;
using Anthropic;
using Anthropic.Bedrock;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using OpenAI;

namespace StepOrders.Chat.Internal.Models;

/// <summary>
/// Makes the <see cref="IChatClient"/> the options ask for. The SDKs' own retries are off: retries, timeouts and
/// the circuit breaker are <see cref="ModelResilience"/>'s, in one place.
/// </summary>
internal static class ChatClientFactory
{
    public const string AnthropicKeyVariable = "ANTHROPIC_API_KEY";
    public const string OpenAIKeyVariable = "OPENAI_API_KEY";

    /// <summary>
    /// The version Bedrock's InvokeModel expects in the body of a Claude request (Bedrock user guide: "Anthropic Claude
    /// Messages API", <c>anthropic_version</c>). Anthropic.Bedrock copies the <c>anthropic-version</c> header into the
    /// body, and the Anthropic SDK would otherwise send its own API version there.
    /// </summary>
    public const string BedrockAnthropicVersion = "bedrock-2023-05-31";

    /// <summary>Null when the provider is <see cref="ChatProvider.None"/>.</summary>
    public static IChatClient? Create(
        ChatAssistantOptions options, TimeProvider time, Func<string, string?> environment, AWSCredentials? awsCredentials = null) =>
        options.Provider switch
        {
            ChatProvider.None => null,
            ChatProvider.Bedrock => Bedrock(options, RegionOf(options, environment), awsCredentials, time),
            ChatProvider.Anthropic => Anthropic(options, KeyOf(options, environment, AnthropicKeyVariable, required: true)!),
            ChatProvider.OpenAI => OpenAI(options, KeyOf(options, environment, OpenAIKeyVariable, required: false)),
            _ => throw new InvalidOperationException($"Chat:Provider {options.Provider} is not supported."),
        };

    public static IChatClient Bedrock(ChatAssistantOptions options, string region, AWSCredentials? awsCredentials, TimeProvider time)
    {
        var client = new AnthropicBedrockClient(new BedrockRequestSigner(region, awsCredentials, time))
            .WithOptions(settings => settings with
            {
                BaseUrl = options.Endpoint ?? settings.BaseUrl,
                MaxRetries = 0,
                Timeout = options.Timeout,
                ExtraHeaders = new Dictionary<string, string> { ["anthropic-version"] = BedrockAnthropicVersion },
            });
        return client.AsIChatClient(options.Model!, options.MaxOutputTokens);
    }

    public static IChatClient Anthropic(ChatAssistantOptions options, string apiKey)
    {
        var settings = new ClientOptions
        {
            ApiKey = apiKey,
            MaxRetries = 0,
            Timeout = options.Timeout,
            // The documented header (Anthropic API: "Authentication"); the SDK itself sends the key as a bearer token.
            ExtraHeaders = new Dictionary<string, string> { ["x-api-key"] = apiKey },
        };
        if (options.Endpoint is not null)
        {
            settings.BaseUrl = options.Endpoint;
        }
        return new AnthropicClient(settings).AsIChatClient(options.Model!, options.MaxOutputTokens);
    }

    public static IChatClient OpenAI(ChatAssistantOptions options, string? apiKey)
    {
        var settings = new OpenAIClientOptions
        {
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (options.Endpoint is not null)
        {
            settings.Endpoint = new Uri(options.Endpoint);
        }
        // Ollama, vLLM and LM Studio take any key, or none; the client needs one to send.
        return new OpenAIClient(new ApiKeyCredential(apiKey ?? "none"), settings).GetChatClient(options.Model!).AsIChatClient();
    }

    private static string RegionOf(ChatAssistantOptions options, Func<string, string?> environment) =>
        options.Region ?? environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION")
        ?? throw new InvalidOperationException("Chat:Provider is bedrock but no region is set: set Chat:Region or AWS_REGION.");

    private static string? KeyOf(ChatAssistantOptions options, Func<string, string?> environment, string defaultVariable, bool required)
    {
        var variable = options.ApiKeyVariable ?? defaultVariable;
        var key = environment(variable);
        if (required && string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException($"Chat:Provider is {options.Provider} but the environment variable {variable} holding its API key is not set.");
        }
        return string.IsNullOrEmpty(key) ? null : key;
    }
}
