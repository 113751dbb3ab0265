using StepOrders.Orders;

namespace StepOrders.Chat;

/// <summary>The order assistant's settings, bound from the configuration section <c>Chat</c> (<see cref="SectionName"/>).</summary>
public sealed class ChatAssistantOptions
{
    public const string SectionName = "Chat";

    /// <summary><c>none</c> (templates only), <c>bedrock</c>, <c>anthropic</c> or <c>openai</c>.</summary>
    public ChatProvider Provider { get; set; } = ChatProvider.None;

    /// <summary>The model id: a Bedrock model or inference profile id, an Anthropic model name, or the endpoint's model name.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// The base URL of the model's API. Optional for Bedrock (the region's <c>bedrock-runtime</c> endpoint) and Anthropic;
    /// for OpenAI-compatible servers the URL ending in <c>/v1</c> (e.g. <c>http://127.0.0.1:11434/v1</c> for Ollama).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The AWS region of Bedrock; <c>AWS_REGION</c> when not set.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// The name of the environment variable holding the API key (Anthropic: <c>ANTHROPIC_API_KEY</c> when not set;
    /// OpenAI-compatible: <c>OPENAI_API_KEY</c> when not set, and servers such as Ollama need none).
    /// </summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>How long one answer may wait for the model, retries included, before the templates answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a transient model failure (throttling, 5xx, network); 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Calls within 30 seconds before the circuit breaker may open (when half of them failed).</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>How long the open breaker sends every question straight to the templates.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most tokens the model may write in one reply.</summary>
    public int MaxOutputTokens { get; set; } = 400;

    /// <summary>The longest message accepted, in characters.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>How many of the customer's newest orders the context lists.</summary>
    public int RecentOrders { get; set; } = 5;

    /// <summary>How long a conversation is kept after its last question.</summary>
    public TimeSpan ConversationLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Days from the start of fulfillment to shipping, for the shipping estimate.</summary>
    public int DispatchDays { get; set; } = 2;

    /// <summary>Every setting that is out of range or missing for the chosen provider.</summary>
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Provider))
        {
            errors.Add(new($"{SectionName}:Provider", "must be none, bedrock, anthropic or openai."));
        }
        if (Provider != ChatProvider.None && string.IsNullOrWhiteSpace(Model))
        {
            errors.Add(new($"{SectionName}:Model", $"is required for the {Provider} provider."));
        }
        if (Endpoint is not null && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            errors.Add(new($"{SectionName}:Endpoint", "must be an absolute URL."));
        }
        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add(new($"{SectionName}:Timeout", "must be between 10 milliseconds and 10 minutes."));
        }
        if (MaxRetries is < 0 or > 10)
        {
            errors.Add(new($"{SectionName}:MaxRetries", "must be between 0 and 10."));
        }
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add(new($"{SectionName}:RetryDelay", "must be between 0 and 1 minute."));
        }
        if (BreakerMinimumThroughput < 2)
        {
            errors.Add(new($"{SectionName}:BreakerMinimumThroughput", "must be at least 2."));
        }
        if (BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add(new($"{SectionName}:BreakDuration", "must be at least 500 milliseconds."));
        }
        if (MaxOutputTokens < 16)
        {
            errors.Add(new($"{SectionName}:MaxOutputTokens", "must be at least 16."));
        }
        if (MaxMessageLength < 1)
        {
            errors.Add(new($"{SectionName}:MaxMessageLength", "must be at least 1."));
        }
        if (RecentOrders is < 1 or > 20)
        {
            errors.Add(new($"{SectionName}:RecentOrders", "must be between 1 and 20."));
        }
        if (ConversationLifetime <= TimeSpan.Zero)
        {
            errors.Add(new($"{SectionName}:ConversationLifetime", "must be positive."));
        }
        if (DispatchDays is < 0 or > 60)
        {
            errors.Add(new($"{SectionName}:DispatchDays", "must be between 0 and 60."));
        }
        return errors;
    }
}
