using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using StepOrders.Aws.DynamoDb;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace StepOrders.Cdk;

/// <summary>
/// The four tables of the DynamoDB adapters, laid out as <see cref="DynamoDbTableSetup"/> creates them (a test holds
/// the two to the same keys and indexes): on-demand, point-in-time recovery, encrypted with the AWS managed key.
/// </summary>
internal sealed class OrderTables : Construct
{
    public OrderTables(Construct scope, string id, Stage stage)
        : base(scope, id)
    {
        Names = DynamoDbTables.WithPrefix(stage.Prefix + "-");
        Orders = Create("Orders", Names.Orders, "orderId", stage, sortKey: "sk");
        Orders.AddGlobalSecondaryIndex(Index(DynamoDbTables.ByCustomerIndex, "customerId"));
        Orders.AddGlobalSecondaryIndex(Index(DynamoDbTables.ByStatusShardIndex, "statusShard"));
        Inventory = Create("Inventory", Names.Inventory, "sku", stage);
        Idempotency = Create("Idempotency", Names.Idempotency, "key", stage, timeToLive: "expiresAt");
        ApiKeys = Create("ApiKeys", Names.ApiKeys, "keyId", stage);
    }

    public DynamoDbTables Names { get; }

    public Table Orders { get; }

    public Table Inventory { get; }

    public Table Idempotency { get; }

    /// <summary>Whom each API Gateway key speaks for, by the key's id; the API function's alone.</summary>
    public Table ApiKeys { get; }

    private Table Create(string id, string name, string partitionKey, Stage stage, string? sortKey = null, string? timeToLive = null) =>
        new(this, id, new TableProps
        {
            TableName = name,
            PartitionKey = new Attribute { Name = partitionKey, Type = AttributeType.STRING },
            SortKey = sortKey is null ? null : new Attribute { Name = sortKey, Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            Encryption = TableEncryption.AWS_MANAGED,
            TimeToLiveAttribute = timeToLive,
            DeletionProtection = stage.DeletionProtection,
            RemovalPolicy = stage.DataRemovalPolicy,
        });

    /// <summary>An index of order items by <paramref name="partitionKey"/>, newest last by the time-ordered <c>createdKey</c>.</summary>
    private static GlobalSecondaryIndexProps Index(string name, string partitionKey) => new()
    {
        IndexName = name,
        PartitionKey = new Attribute { Name = partitionKey, Type = AttributeType.STRING },
        SortKey = new Attribute { Name = "createdKey", Type = AttributeType.STRING },
        ProjectionType = ProjectionType.ALL,
    };
}
