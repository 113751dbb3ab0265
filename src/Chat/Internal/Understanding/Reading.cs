using StepOrders.Orders;

namespace StepOrders.Chat.Internal.Understanding;

/// <summary>
/// What the extractor understood: the intent (and whether the message stated one or it was guessed), the order ids
/// written in the message, and any reference to an order without its id; <see cref="Ordinal"/> is 1-based.
/// </summary>
internal sealed record Reading(
    ChatIntent Intent,
    bool IntentStated,
    IReadOnlyList<OrderId> OrderIds,
    OrderReference Reference,
    int Ordinal = 0);
