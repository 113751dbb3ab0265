using Microsoft.Extensions.Time.Testing;
using StepOrders.Chat.Internal.Conversations;

namespace StepOrders.Chat.Tests;

/// <summary>Conversations are held in memory within a bound, however many customers ask at once.</summary>
public class ConversationStoreTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Saves_from_many_requests_at_once_past_the_bound_neither_fail_nor_outgrow_it()
    {
        var store = new ConversationStore(_clock, new ChatAssistantOptions());
        var perWorker = ConversationStore.MaxConversations / 2;

        // Four workers save new conversations while others prune: a prune that copied the live dictionary threw
        // ArgumentException or read an empty slot when a save came between its count and its copy.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                store.Save(store.Open($"customer-{worker}", conversationId: null));
            }
        })));
        store.Save(store.Open("customer-last", conversationId: null));

        Assert.InRange(store.Count, 1, ConversationStore.MaxConversations);
    }

    [Fact]
    public void Past_the_bound_the_least_recently_used_conversations_go_first()
    {
        var store = new ConversationStore(_clock, new ChatAssistantOptions());
        var oldest = store.Open("alice", conversationId: null);
        store.Save(oldest);
        SaveNew(store, ConversationStore.MaxConversations / 2);
        var recent = store.Open("alice", conversationId: null);
        store.Save(recent);
        SaveNew(store, ConversationStore.MaxConversations / 2);

        Assert.NotEqual(oldest.Id, store.Open("alice", oldest.Id).Id);
        Assert.Equal(recent.Id, store.Open("alice", recent.Id).Id);
        Assert.True(store.Count <= ConversationStore.MaxConversations);
    }

    /// <summary>Saves that many new conversations, a second after the last save.</summary>
    private void SaveNew(ConversationStore store, int count)
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < count; i++)
        {
            store.Save(store.Open($"customer-{i}", conversationId: null));
        }
        _clock.Advance(TimeSpan.FromSeconds(1));
    }
}
