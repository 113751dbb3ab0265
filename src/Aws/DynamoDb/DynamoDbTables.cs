namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// The names of the DynamoDB tables the adapters use. The layout of each is described where it is created, in
/// <see cref="DynamoDbTableSetup"/>. <see cref="ApiKeys"/> is the API function's alone; empty where no API runs.
/// </summary>
public sealed record DynamoDbTables(string Orders, string Inventory, string Idempotency, string ApiKeys = "")
{
    public static DynamoDbTables Default { get; } = WithPrefix("steporders-");

    /// <summary>Tables named <c>{prefix}orders</c>, <c>{prefix}inventory</c>, <c>{prefix}idempotency</c> and <c>{prefix}api-keys</c>.</summary>
    public static DynamoDbTables WithPrefix(string prefix) =>
        new($"{prefix}orders", $"{prefix}inventory", $"{prefix}idempotency", $"{prefix}api-keys");

    /// <summary>The orders table's index of a customer's orders, newest first by <c>createdKey</c>.</summary>
    public const string ByCustomerIndex = "byCustomer";

    /// <summary>
    /// The orders table's index of orders per status, each status over <see cref="OrderItem.StatusShards"/> partition
    /// key values (<c>statusShard</c>), by <c>createdKey</c>: listing by status, the reconciler's PENDING scan.
    /// </summary>
    public const string ByStatusShardIndex = "byStatusShard";
}
