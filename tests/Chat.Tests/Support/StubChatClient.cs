using Microsoft.Extensions.AI;

namespace StepOrders.Chat.Tests.Support;

/// <summary>A model that answers with whatever <c>reply</c> makes of the messages, and remembers every call.</summary>
public sealed class StubChatClient(Func<IReadOnlyList<ChatMessage>, string> reply) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Calls { get; } = [];

    /// <summary>The worst model there is: it repeats its whole context, system prompt and all.</summary>
    public static StubChatClient Echo() =>
        new(messages => string.Join("\n", messages.Select(message => $"{message.Role}: {message.Text}")));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add(list);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply(list))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
