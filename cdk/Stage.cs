using Amazon.CDK;
using Amazon.CDK.AWS.Logs;

namespace StepOrders.Cdk;

/// <summary>What differs between the dev and prod stacks: how long things are kept and how much traffic a key may send.</summary>
internal sealed record Stage(
    string Name,
    RetentionDays LogRetention,
    RemovalPolicy DataRemovalPolicy,
    bool DeletionProtection,
    double RateLimit,
    int BurstLimit,
    double DailyQuota)
{
    public static Stage Dev { get; } = new("dev", RetentionDays.TWO_WEEKS, RemovalPolicy.DESTROY, false, RateLimit: 10, BurstLimit: 20, DailyQuota: 10_000);

    public static Stage Prod { get; } = new("prod", RetentionDays.THREE_MONTHS, RemovalPolicy.RETAIN, true, RateLimit: 100, BurstLimit: 200, DailyQuota: 1_000_000);

    public static Stage Named(string name) => name switch
    {
        "dev" => Dev,
        "prod" => Prod,
        _ => throw new ArgumentException($"Unknown stage '{name}': use -c stage=dev or -c stage=prod.", nameof(name)),
    };

    /// <summary>The prefix of every named resource, so both stages fit in one account.</summary>
    public string Prefix => $"steporders-{Name}";
}
