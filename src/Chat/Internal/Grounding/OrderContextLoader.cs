using StepOrders.Chat.Internal.Conversations;
using StepOrders.Chat.Internal.Understanding;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Chat.Internal.Grounding;

/// <summary>
/// Loads the caller's orders a question needs: one page of the customer's newest orders, plus any named order that
/// is older. An order of someone else is dropped exactly like one that does not exist.
/// </summary>
internal sealed class OrderContextLoader(IOrderStore store, ChatAssistantOptions options, TimeProvider time)
{
    /// <summary>How far back "the one before" and "my last failed order" look.</summary>
    public const int Window = 20;

    public async Task<OrderContext> LoadAsync(string customerId, Reading reading, Conversation conversation, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(OrderFilter.ForCustomer(customerId), Window, null, cancellationToken);
        var window = page.Orders.Where(order => Owns(customerId, order)).ToList();

        var intent = Intent(reading, conversation);
        var named = await FindAsync(customerId, reading.OrderIds, window, cancellationToken);
        IReadOnlyList<Order> focus;
        var unresolved = false;
        if (reading.OrderIds.Count > 0)
        {
            focus = named;
        }
        else
        {
            var pointed = await PointedAtAsync(customerId, intent, reading, conversation, window, cancellationToken);
            focus = pointed ?? [];
            unresolved = pointed is null;
        }
        return new OrderContext(
            intent,
            focus,
            window.Take(options.RecentOrders).ToList(),
            reading.OrderIds.Count - named.Count,
            unresolved,
            time.GetUtcNow());
    }

    /// <summary>
    /// A message without an intent of its own that still points at an order ("and the one before?", "ord_…?")
    /// keeps the conversation's intent, or asks for the status.
    /// </summary>
    private static ChatIntent Intent(Reading reading, Conversation conversation)
    {
        if (reading.IntentStated)
        {
            return reading.Intent;
        }
        if (reading.Reference == OrderReference.None && reading.OrderIds.Count == 0)
        {
            return ChatIntent.Help;
        }
        return conversation.LastIntent is { } last and not (ChatIntent.RecentOrders or ChatIntent.Help) ? last : ChatIntent.Status;
    }

    /// <summary>The orders a question points at without naming them; null when it points at nothing that exists.</summary>
    private async Task<IReadOnlyList<Order>?> PointedAtAsync(
        string customerId, ChatIntent intent, Reading reading, Conversation conversation, List<Order> window, CancellationToken cancellationToken)
    {
        if (intent is ChatIntent.RecentOrders or ChatIntent.Help)
        {
            return [];
        }
        var anchor = conversation.Focus.Count > 0 ? window.FindIndex(order => order.Id == conversation.Focus[0]) : -1;
        switch (reading.Reference)
        {
            case OrderReference.Previous:
                // Newest first: the order before the anchor is the next one down; without an anchor, the one before the latest.
                return At(window, anchor >= 0 ? anchor + 1 : 1);
            case OrderReference.Next:
                return anchor > 0 ? At(window, anchor - 1) : null;
            case OrderReference.Ordinal:
                var listed = conversation.Listed.Count > 0 ? conversation.Listed : window.Take(options.RecentOrders).Select(order => order.Id).ToList();
                if (reading.Ordinal > listed.Count)
                {
                    return null;
                }
                var found = await FindAsync(customerId, [listed[reading.Ordinal - 1]], window, cancellationToken);
                return found.Count > 0 ? found : null;
            case OrderReference.None when conversation.Focus.Count > 0:
                var focus = await FindAsync(customerId, conversation.Focus, window, cancellationToken);
                return focus.Count > 0 ? focus : null;
            default:
                return Newest(intent, window);
        }
    }

    private static List<Order>? Newest(ChatIntent intent, List<Order> window)
    {
        if (intent == ChatIntent.WhyFailed)
        {
            return window.FirstOrDefault(order => order.Status == OrderStatus.Failed) is { } failed ? [failed] : [];
        }
        return window.Count > 0 ? [window[0]] : [];
    }

    private static List<Order>? At(List<Order> window, int index) => index >= 0 && index < window.Count ? [window[index]] : null;

    private async Task<List<Order>> FindAsync(string customerId, IReadOnlyList<OrderId> ids, List<Order> window, CancellationToken cancellationToken)
    {
        var found = new List<Order>();
        foreach (var id in ids)
        {
            var order = window.Find(order => order.Id == id) ?? await store.GetAsync(id, cancellationToken);
            if (order is not null && Owns(customerId, order))
            {
                found.Add(order);
            }
        }
        return found;
    }

    private static bool Owns(string customerId, Order order) => string.Equals(order.CustomerId, customerId, StringComparison.Ordinal);
}
