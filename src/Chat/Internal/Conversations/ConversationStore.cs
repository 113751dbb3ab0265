using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace StepOrders.Chat.Internal.Conversations;

/// <summary>
/// Conversations in memory, keyed by customer and id, so one customer's id never opens another's conversation.
/// Each expires <see cref="ChatAssistantOptions.ConversationLifetime"/> after its last question.
/// </summary>
internal sealed class ConversationStore(TimeProvider time, ChatAssistantOptions options)
{
    public const int MaxTurns = 6;
    public const int MaxConversations = 10_000;
    private const string Prefix = "conv_";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly ConcurrentDictionary<(string CustomerId, string Id), Conversation> _conversations = new();

    /// <summary>The customer's live conversation with that id, or a new one when there is none (unknown, expired, someone else's).</summary>
    public Conversation Open(string customerId, string? conversationId)
    {
        var now = time.GetUtcNow();
        if (conversationId is not null
            && _conversations.TryGetValue((customerId, conversationId), out var conversation))
        {
            if (!IsExpired(conversation, now))
            {
                return conversation;
            }
            _conversations.TryRemove((customerId, conversationId), out _);
        }
        // Conversation ids are secrets of their customer: random, like order ids, rather than from a seeded source.
        return Conversation.Start(Prefix + RandomNumberGenerator.GetString(Alphabet, 26), customerId, now);
    }

    public void Save(Conversation conversation)
    {
        var now = time.GetUtcNow();
        var turns = conversation.Turns.Count > MaxTurns ? conversation.Turns.Skip(conversation.Turns.Count - MaxTurns).ToList() : conversation.Turns;
        _conversations[(conversation.CustomerId, conversation.Id)] = conversation with { LastUsed = now, Turns = turns };
        if (_conversations.Count > MaxConversations)
        {
            Prune(now);
        }
    }

    private bool IsExpired(Conversation conversation, DateTimeOffset now) => now - conversation.LastUsed >= options.ConversationLifetime;

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, conversation) in _conversations)
        {
            if (IsExpired(conversation, now))
            {
                _conversations.TryRemove(key, out _);
            }
        }
        var excess = _conversations.Count - MaxConversations;
        if (excess > 0)
        {
            foreach (var (key, _) in _conversations.OrderBy(pair => pair.Value.LastUsed).Take(excess).ToList())
            {
                _conversations.TryRemove(key, out _);
            }
        }
    }
}
