using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// Orders in DynamoDB (layout in <see cref="DynamoDbTableSetup"/>). Reads of one order are strongly consistent;
/// listings query the indexes, which are eventually consistent, so an order changed a moment ago may still be
/// listed under its old status.
/// </summary>
public sealed class DynamoDbOrderStore(IAmazonDynamoDB dynamo, DynamoDbTables tables) : IOrderStore
{
    public async Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(
            new GetItemRequest { TableName = tables.Orders, Key = OrderItem.Key(id), ConsistentRead = true },
            cancellationToken);
        return response.IsItemSet && response.Item.Count > 0 ? OrderItem.FromItem(response.Item) : null;
    }

    public async Task<bool> TrySaveStatusChangeAsync(Order next, OrderStatus expectedStatus, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":expected"] = OrderItem.S(expectedStatus.ToWireName()),
            [":next"] = OrderItem.S(next.Status.ToWireName()),
            [":shard"] = OrderItem.S(OrderItem.StatusShardOf(next.Status, next.Id)),
            [":entry"] = new() { L = [OrderItem.ChangeAttribute(next.History[^1])] },
            [":at"] = OrderItem.S(OrderItem.Time(next.UpdatedAt)),
        };
        var update = "SET #status = :next, #statusShard = :shard, #history = list_append(#history, :entry), #updatedAt = :at";
        if (next.Failure is { } failure)
        {
            values[":failure"] = OrderItem.FailureAttribute(failure);
            update += ", #failure = :failure";
        }
        else
        {
            update += " REMOVE #failure";
        }
        try
        {
            await dynamo.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tables.Orders,
                    Key = OrderItem.Key(next.Id),
                    UpdateExpression = update,
                    // The conditional write that makes retries, duplicate deliveries and redrives harmless.
                    ConditionExpression = "#status = :expected",
                    ExpressionAttributeNames = new()
                    {
                        ["#status"] = OrderItem.Status,
                        ["#statusShard"] = OrderItem.StatusShard,
                        ["#history"] = OrderItem.History,
                        ["#updatedAt"] = OrderItem.UpdatedAt,
                        ["#failure"] = OrderItem.Failure,
                    },
                    ExpressionAttributeValues = values,
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<OrderPage> ListAsync(OrderFilter filter, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var before = cursor is null ? null : await CreatedKeyAfterAsync(cursor, cancellationToken);
        // One more than asked, to know whether another page follows.
        var wanted = limit + 1;
        List<Dictionary<string, AttributeValue>> items;
        if (filter.CustomerId is { } customerId)
        {
            items = await QueryAsync(DynamoDbTables.ByCustomerIndex, OrderItem.CustomerId, customerId, filter.Status, before, wanted, newestFirst: true, cancellationToken);
        }
        else
        {
            // Every order is in exactly one status shard: merge the newest of each shard of the statuses asked for.
            IEnumerable<OrderStatus> statuses = filter.Status is { } status ? [status] : OrderLifecycle.All;
            var perShard = await Task.WhenAll(statuses.SelectMany(StatusShards).Select(shard =>
                QueryAsync(DynamoDbTables.ByStatusShardIndex, OrderItem.StatusShard, shard, null, before, wanted, newestFirst: true, cancellationToken)));
            items = perShard.SelectMany(i => i)
                .OrderByDescending(i => i[OrderItem.CreatedKey].S, StringComparer.Ordinal)
                .Take(wanted)
                .ToList();
        }
        var page = items.Take(limit).ToList();
        var next = items.Count > limit ? OrderCursor.After(OrderId.Parse(page[^1][OrderItem.OrderId].S)) : null;
        return new OrderPage(page.Select(OrderItem.FromItem).ToList(), next);
    }

    public async Task<IReadOnlyList<OrderId>> ListPendingAsync(DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var before = OrderItem.CreatedKeyOf(acceptedBefore);
        var perShard = await Task.WhenAll(StatusShards(OrderStatus.Pending).Select(shard =>
            QueryAsync(DynamoDbTables.ByStatusShardIndex, OrderItem.StatusShard, shard, null, before, limit, newestFirst: false, cancellationToken)));
        return perShard.SelectMany(i => i)
            .OrderBy(i => i[OrderItem.CreatedKey].S, StringComparer.Ordinal)
            .Take(limit)
            .Select(i => OrderId.Parse(i[OrderItem.OrderId].S))
            .ToList();
    }

    /// <summary>Writes a new order; false if an order with its id exists. The intake's first write.</summary>
    internal async Task<bool> TryInsertAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tables.Orders,
                    Item = OrderItem.ToItem(order),
                    ConditionExpression = "attribute_not_exists(#orderId)",
                    ExpressionAttributeNames = new() { ["#orderId"] = OrderItem.OrderId },
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Where a page after <paramref name="cursor"/> starts: the <c>createdKey</c> of the order the cursor names. The
    /// cursor is the domain's (<see cref="OrderCursor"/>, the last order's id), as every store's is, so the API reads
    /// and checks it the same on both; the order's key costs one read per page.
    /// </summary>
    private async Task<string> CreatedKeyAfterAsync(string cursor, CancellationToken cancellationToken) =>
        OrderCursor.TryRead(cursor, out var last) && await GetAsync(last, cancellationToken) is { } order
            ? OrderItem.CreatedKeyOf(order)
            : throw new ArgumentException($"'{cursor}' is not a cursor of this order listing.", nameof(cursor));

    /// <summary>The <c>byStatusShard</c> partition key values of <paramref name="status"/>.</summary>
    private static IEnumerable<string> StatusShards(OrderStatus status) =>
        Enumerable.Range(0, OrderItem.StatusShards).Select(shard => OrderItem.StatusShardOf(status, shard));

    /// <summary>
    /// Up to <paramref name="wanted"/> order items of one index partition, newest or oldest first, keyed before
    /// <paramref name="before"/>. A status filter is a FilterExpression, applied after DynamoDB's Limit, so pages
    /// are read until enough orders match or the partition ends.
    /// </summary>
    private async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(
        string index, string partitionAttribute, string partitionValue, OrderStatus? status, string? before, int wanted, bool newestFirst,
        CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#pk"] = partitionAttribute };
        var values = new Dictionary<string, AttributeValue> { [":pk"] = OrderItem.S(partitionValue) };
        var keyCondition = "#pk = :pk";
        if (before is not null)
        {
            names["#createdKey"] = OrderItem.CreatedKey;
            values[":before"] = OrderItem.S(before);
            keyCondition += " AND #createdKey < :before";
        }
        string? filter = null;
        if (status is { } s)
        {
            names["#status"] = OrderItem.Status;
            values[":status"] = OrderItem.S(s.ToWireName());
            filter = "#status = :status";
        }
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamo.QueryAsync(
                new QueryRequest
                {
                    TableName = tables.Orders,
                    IndexName = index,
                    KeyConditionExpression = keyCondition,
                    FilterExpression = filter,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                    ScanIndexForward = !newestFirst,
                    Limit = wanted - items.Count,
                    ExclusiveStartKey = start,
                },
                cancellationToken);
            items.AddRange(response.Items ?? []);
            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null && items.Count < wanted);
        return items;
    }
}
