namespace StepOrders.Orders.Telemetry;

/// <summary>The order queue at one moment: messages in it (visible or in flight), the oldest one's age, and the dead letters.</summary>
public readonly record struct QueueStatistics(long Depth, TimeSpan OldestAge, long DeadLetters);
