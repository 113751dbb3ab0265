namespace StepOrders.Chat;

/// <summary>Which model answers; <see cref="None"/> answers from templates alone.</summary>
public enum ChatProvider
{
    None,

    /// <summary>Claude on Amazon Bedrock (InvokeModel), credentials from the standard AWS chain.</summary>
    Bedrock,

    /// <summary>Anthropic's Messages API.</summary>
    Anthropic,

    /// <summary>Any OpenAI-compatible chat completions endpoint: OpenAI, Ollama, vLLM, LM Studio.</summary>
    OpenAI,
}
