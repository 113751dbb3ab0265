using StepOrders.Chat.Internal.Understanding;
using StepOrders.Orders;

namespace StepOrders.Chat.Internal.Conversations;

/// <summary>
/// What a follow-up needs from earlier questions: the last intent, the orders last talked about, the last list
/// shown (for "the second one"), and the last few exchanges for the model. Replaced, never changed, on each turn.
/// </summary>
internal sealed record Conversation(
    string Id,
    string CustomerId,
    DateTimeOffset LastUsed,
    ChatIntent? LastIntent,
    IReadOnlyList<OrderId> Focus,
    IReadOnlyList<OrderId> Listed,
    IReadOnlyList<ConversationTurn> Turns)
{
    public static Conversation Start(string id, string customerId, DateTimeOffset now) =>
        new(id, customerId, now, null, [], [], []);
}

/// <summary>One question and the reply it got.</summary>
internal sealed record ConversationTurn(string Question, string Reply);
