namespace StepOrders.Steps;

/// <summary>
/// When the reconciler counts an order as stranded, and how often a host that schedules it itself (the local host on
/// DynamoDB) runs it; on AWS, EventBridge Scheduler runs it (the CDK stack's rate).
/// </summary>
public sealed class ReconcilerOptions
{
    /// <summary>How long an order may wait in PENDING before it counts as stranded.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the local host runs the reconciler.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
