namespace StepOrders.Chat.Internal.Understanding;

/// <summary>How a question points at an order without its id ("my last order", "and the one before?").</summary>
internal enum OrderReference
{
    None,
    Latest,
    Previous,
    Next,
    Ordinal,
}
