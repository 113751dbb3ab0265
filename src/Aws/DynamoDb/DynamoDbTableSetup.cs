using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// Creates the tables (for tests, the stand-ins, and the local host's <c>--store dynamodb</c>; on AWS the CDK stack
/// declares the same layout).
/// <list type="bullet">
/// <item><b>orders</b>: partition key <c>orderId</c>, sort key <c>sk</c>. An order's partition holds the order
/// (<c>sk = ORDER</c>, its history a list appended to by each status change), its stock reservation
/// (<c>RESERVATION</c>) and its payment (<c>PAYMENT</c>), so everything keyed by the order id lives together.
/// The time-ordered key is <c>createdKey</c> (creation time, then the order id), the sort key of the two indexes
/// <c>byCustomer</c> (<c>customerId</c>) and <c>byStatusShard</c> (<c>statusShard</c>: the status and one of
/// <see cref="OrderItem.StatusShards"/> shards fixed by the order id); only order items carry those attributes, so
/// reservations and payments stay out of the indexes. A time-ordered <i>table</i> sort key would
/// order nothing (a partition holds one order) and would make every read need the creation time.</item>
/// <item><b>inventory</b>: partition key <c>sku</c>; <c>available</c> and the set <c>holders</c> of the
/// reservations in flight that hold stock of the SKU (released and settled ones leave it).</item>
/// <item><b>idempotency</b>: partition key <c>key</c> (scope and client key); the claimed order id, the request
/// fingerprint, and <c>expiresAt</c> (epoch seconds, the table's TTL attribute on AWS).</item>
/// <item><b>api-keys</b>: partition key <c>keyId</c>, API Gateway's id of a key; whom the key speaks for
/// (<c>customerId</c>, <c>admin</c>) and its <c>name</c> (<see cref="DynamoDbApiKeyStore"/>).</item>
/// </list>
/// </summary>
public static class DynamoDbTableSetup
{
    private static readonly TimeSpan ActiveWait = TimeSpan.FromSeconds(60);

    /// <summary>Creates whichever tables do not exist yet and waits until all are ACTIVE.</summary>
    public static async Task CreateAsync(IAmazonDynamoDB dynamo, DynamoDbTables tables, CancellationToken cancellationToken)
    {
        await CreateIfMissingAsync(dynamo, OrdersTable(tables.Orders), cancellationToken);
        await CreateIfMissingAsync(dynamo, KeyValueTable(tables.Inventory, InventoryItem.Sku), cancellationToken);
        await CreateIfMissingAsync(dynamo, KeyValueTable(tables.Idempotency, IdempotencyItem.Key), cancellationToken);
        if (tables.ApiKeys.Length > 0)
        {
            await CreateIfMissingAsync(dynamo, KeyValueTable(tables.ApiKeys, ApiKeyItem.KeyId), cancellationToken);
        }
        foreach (var name in new[] { tables.Orders, tables.Inventory, tables.Idempotency, tables.ApiKeys }.Where(name => name.Length > 0))
        {
            await WaitUntilActiveAsync(dynamo, name, cancellationToken);
        }
    }

    private static CreateTableRequest OrdersTable(string name) => new()
    {
        TableName = name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(OrderItem.OrderId, ScalarAttributeType.S),
            new AttributeDefinition(OrderItem.Sk, ScalarAttributeType.S),
            new AttributeDefinition(OrderItem.CustomerId, ScalarAttributeType.S),
            new AttributeDefinition(OrderItem.StatusShard, ScalarAttributeType.S),
            new AttributeDefinition(OrderItem.CreatedKey, ScalarAttributeType.S),
        ],
        KeySchema = [new KeySchemaElement(OrderItem.OrderId, KeyType.HASH), new KeySchemaElement(OrderItem.Sk, KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            Index(DynamoDbTables.ByCustomerIndex, OrderItem.CustomerId),
            Index(DynamoDbTables.ByStatusShardIndex, OrderItem.StatusShard),
        ],
    };

    private static GlobalSecondaryIndex Index(string name, string partitionKey) => new()
    {
        IndexName = name,
        KeySchema = [new KeySchemaElement(partitionKey, KeyType.HASH), new KeySchemaElement(OrderItem.CreatedKey, KeyType.RANGE)],
        // ALL, so a listing is one Query with no follow-up reads.
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };

    private static CreateTableRequest KeyValueTable(string name, string partitionKey) => new()
    {
        TableName = name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [new AttributeDefinition(partitionKey, ScalarAttributeType.S)],
        KeySchema = [new KeySchemaElement(partitionKey, KeyType.HASH)],
    };

    private static async Task CreateIfMissingAsync(IAmazonDynamoDB dynamo, CreateTableRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.CreateTableAsync(request, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Already there (or being created): the wait below covers both.
        }
    }

    private static async Task WaitUntilActiveAsync(IAmazonDynamoDB dynamo, string table, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ActiveWait;
        while (true)
        {
            var description = await dynamo.DescribeTableAsync(table, cancellationToken);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Table {table} did not become ACTIVE within {ActiveWait.TotalSeconds} s.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
