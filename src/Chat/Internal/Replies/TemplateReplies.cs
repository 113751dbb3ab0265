using System.Text;
using StepOrders.Chat.Internal.Grounding;
using StepOrders.Chat.Internal.Understanding;
using StepOrders.Orders;

namespace StepOrders.Chat.Internal.Replies;

/// <summary>
/// Replies written from the context alone, for every intent: what the assistant says when no model is
/// configured, or the model fails, is too slow, or says something it must not.
/// </summary>
internal static class TemplateReplies
{
    public const string Help =
        "I can help with your orders: ask where an order is (give me its id from your confirmation), list your recent "
        + "orders, explain why an order failed, or tell you when an order will ship. For example: \"Where is my latest "
        + "order?\" or \"Why did my last order fail?\"";

    public static TemplateReply Write(OrderContext context, int dispatchDays)
    {
        if (context.Intent == ChatIntent.Help)
        {
            return new(Help, []);
        }
        if (context.UnknownOrderIds > 0 && context.Focus.Count == 0)
        {
            var those = context.UnknownOrderIds == 1 ? "that order" : "those orders";
            return new($"I couldn't find {those} among your orders. Please check the id, or ask me for your recent orders.", []);
        }
        if (context.Unresolved)
        {
            return new("I couldn't tell which order you mean. Please give me its id, or ask me for your recent orders.", []);
        }
        if (context.Recent.Count == 0 && context.Focus.Count == 0)
        {
            return new("You don't have any orders yet.", []);
        }

        var reply = new StringBuilder();
        if (context.UnknownOrderIds > 0)
        {
            reply.Append("I couldn't find one of the orders you mentioned among your orders. ");
        }
        switch (context.Intent)
        {
            case ChatIntent.RecentOrders:
                return new(reply.Append(Recent(context.Recent)).ToString(), [.. context.Recent.Select(order => order.Id)]);
            case ChatIntent.WhyFailed when context.Focus.Count == 0:
                reply.Append("None of your recent orders has failed. ");
                var latest = context.Recent[0];
                reply.Append($"Your latest order, {latest.Id}, is {Describe(latest)}.");
                return new(reply.ToString(), [latest.Id]);
        }

        foreach (var order in context.Focus)
        {
            if (reply.Length > 0)
            {
                reply.Append(' ');
            }
            reply.Append(context.Intent switch
            {
                ChatIntent.WhyFailed => WhyFailed(order),
                ChatIntent.WhenShips => WhenShips(order, dispatchDays),
                ChatIntent.Cancel => Cancel(order),
                _ => Status(order),
            });
        }
        if (context.Intent == ChatIntent.Cancel)
        {
            reply.Insert(0, "I can't cancel orders from this chat. ");
        }
        return new(reply.ToString(), [.. context.Focus.Select(order => order.Id)]);
    }

    private static string Describe(Order order) => $"{OrderPhrases.Status(order.Status)} ({order.Status.ToWireName()})";

    private static string Status(Order order)
    {
        var text = new StringBuilder($"Order {order.Id} is {Describe(order)}.");
        if (order is { Status: OrderStatus.Failed, Failure: { } failure })
        {
            text.Append($" It failed at {OrderPhrases.Step(failure.Step)} because {OrderPhrases.Reason(failure)}.");
        }
        var detail = order.History[^1].Detail.Trim();
        if (detail.Length > 0)
        {
            text.Append($" Last update {OrderPhrases.Time(order.UpdatedAt)}: {Sentence(detail)}");
        }
        else
        {
            text.Append($" Last update {OrderPhrases.Time(order.UpdatedAt)}.");
        }
        text.Append($" It has {OrderPhrases.ItemCount(order)} ({OrderPhrases.Items(order)}) for a total of {OrderPhrases.Total(order)}, placed {OrderPhrases.Time(order.CreatedAt)}.");
        return text.ToString();
    }

    private static string Recent(IReadOnlyList<Order> orders)
    {
        var text = new StringBuilder(orders.Count == 1 ? "Here is your most recent order:" : $"Here are your {orders.Count} most recent orders:");
        foreach (var order in orders)
        {
            text.Append($"\n- {order.Id}: {Describe(order)}, {OrderPhrases.Total(order)}, placed {OrderPhrases.Time(order.CreatedAt)}.");
        }
        return text.ToString();
    }

    private static string WhyFailed(Order order)
    {
        if (order is not { Status: OrderStatus.Failed, Failure: { } failure })
        {
            return $"Order {order.Id} has not failed: it is {Describe(order)}.";
        }
        var cause = string.IsNullOrWhiteSpace(failure.Cause) ? failure.Error : $"{failure.Error}: {failure.Cause.Trim().TrimEnd('.')}";
        return $"Order {order.Id} failed at {OrderPhrases.Step(failure.Step)} on {OrderPhrases.Time(order.UpdatedAt)} because "
            + $"{OrderPhrases.Reason(failure)} ({cause}). {OrderPhrases.Advice(failure)}";
    }

    private static string WhenShips(Order order, int dispatchDays)
    {
        if (order is { Status: OrderStatus.Failed, Failure: { } failure })
        {
            return $"Order {order.Id} will not ship: it failed at {OrderPhrases.Step(failure.Step)} because {OrderPhrases.Reason(failure)}.";
        }
        return $"Order {order.Id} is {Describe(order)}. {OrderPhrases.Shipping(order, dispatchDays)}";
    }

    private static string Cancel(Order order) => order.Status switch
    {
        OrderStatus.Completed => $"Order {order.Id} is already complete, so it can no longer be cancelled.",
        OrderStatus.Failed => $"Order {order.Id} already failed{(order.Failure is { } failure ? " at " + OrderPhrases.Step(failure.Step) : "")}, so there is nothing to cancel and it will not ship.",
        _ => $"Order {order.Id} is {Describe(order)}; to cancel it, please contact customer support before it ships.",
    };

    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
}
