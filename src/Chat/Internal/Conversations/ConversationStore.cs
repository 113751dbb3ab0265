using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace StepOrders.Chat.Internal.Conversations;

/// <summary>
/// Conversations in memory, keyed by customer and id, so one customer's id never opens another's conversation.
/// Each expires <see cref="ChatAssistantOptions.ConversationLifetime"/> after its last question. Past
/// <see cref="MaxConversations"/>, one save at a time prunes the expired and then the least recently used down to
/// <see cref="PrunedTo"/>, so the sort is paid once per thousand saves rather than on every one.
/// </summary>
internal sealed class ConversationStore(TimeProvider time, ChatAssistantOptions options)
{
    public const int MaxTurns = 6;
    public const int MaxConversations = 10_000;
    public const int PrunedTo = MaxConversations - 1_000;
    private const string Prefix = "conv_";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly ConcurrentDictionary<(string CustomerId, string Id), Conversation> _conversations = new();
    private int _pruning;

    /// <summary>How many conversations are held now.</summary>
    public int Count => _conversations.Count;

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
        if (_conversations.Count > MaxConversations && Interlocked.Exchange(ref _pruning, 1) == 0)
        {
            try
            {
                Prune(now);
            }
            finally
            {
                Volatile.Write(ref _pruning, 0);
            }
        }
    }

    private bool IsExpired(Conversation conversation, DateTimeOffset now) => now - conversation.LastUsed >= options.ConversationLifetime;

    private void Prune(DateTimeOffset now)
    {
        // The dictionary's own snapshot: LINQ over the live dictionary copies it by Count then CopyTo, which throws
        // (or leaves empty slots) when another request adds or removes a conversation in between.
        var snapshot = _conversations.ToArray();
        foreach (var entry in snapshot)
        {
            if (IsExpired(entry.Value, now))
            {
                _conversations.TryRemove(entry);
            }
        }
        var excess = _conversations.Count - PrunedTo;
        if (excess > 0)
        {
            // TryRemove of the pair removes a conversation only as the snapshot saw it, not one saved again since.
            foreach (var entry in snapshot.Where(entry => !IsExpired(entry.Value, now)).OrderBy(entry => entry.Value.LastUsed).Take(excess))
            {
                _conversations.TryRemove(entry);
            }
        }
    }
}
