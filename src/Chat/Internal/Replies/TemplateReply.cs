using StepOrders.Orders;

namespace StepOrders.Chat.Internal.Replies;

/// <summary>A reply and the orders it speaks about.</summary>
internal sealed record TemplateReply(string Text, IReadOnlyList<OrderId> OrderIds);
