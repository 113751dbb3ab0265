using StepOrders.Chat.Internal.Understanding;
using StepOrders.Orders;

namespace StepOrders.Chat.Internal.Grounding;

/// <summary>
/// Everything an answer may use: the intent, the caller's orders the question is about (<see cref="Focus"/>), the
/// caller's newest orders, how many named ids were not the caller's orders, and whether a reference pointed nowhere.
/// Only the caller's orders are ever put here, so nothing else can leak into a reply.
/// </summary>
internal sealed record OrderContext(
    ChatIntent Intent,
    IReadOnlyList<Order> Focus,
    IReadOnlyList<Order> Recent,
    int UnknownOrderIds,
    bool Unresolved,
    DateTimeOffset Now)
{
    public IEnumerable<Order> Orders => Focus.Concat(Recent).DistinctBy(order => order.Id);

    public bool Contains(OrderId id) => Orders.Any(order => order.Id == id);
}
