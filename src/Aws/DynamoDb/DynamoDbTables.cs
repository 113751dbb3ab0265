namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// The names of the three DynamoDB tables the adapters use. The layout of each is described where it is created,
/// in <see cref="DynamoDbTableSetup"/>.
/// </summary>
public sealed record DynamoDbTables(string Orders, string Inventory, string Idempotency)
{
    public static DynamoDbTables Default { get; } = WithPrefix("steporders-");

    /// <summary>Tables named <c>{prefix}orders</c>, <c>{prefix}inventory</c> and <c>{prefix}idempotency</c>.</summary>
    public static DynamoDbTables WithPrefix(string prefix) => new($"{prefix}orders", $"{prefix}inventory", $"{prefix}idempotency");

    /// <summary>The orders table's index of a customer's orders, newest first by <c>createdKey</c>.</summary>
    public const string ByCustomerIndex = "byCustomer";

    /// <summary>The orders table's index of orders per status, by <c>createdKey</c> (listing by status, the reconciler's PENDING scan).</summary>
    public const string ByStatusIndex = "byStatus";
}
