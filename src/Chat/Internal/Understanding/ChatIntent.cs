namespace StepOrders.Chat.Internal.Understanding;

/// <summary>What a customer wants to know or do.</summary>
internal enum ChatIntent
{
    Help,
    Status,
    RecentOrders,
    WhyFailed,
    WhenShips,
    Cancel,
}
