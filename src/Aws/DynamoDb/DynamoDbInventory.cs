using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// Stock per SKU in the inventory table; an order's reservation in its partition of the orders table.
/// </summary>
/// <remarks>
/// All-or-none over several SKUs without TransactWriteItems (which the stand-in, dynalite, lacks, and which caps an
/// order at 100 items): the reservation item is written first (RESERVING, with a fresh reservation id), then each
/// SKU is taken by one conditional update that lowers <c>available</c> and adds the reservation id to the SKU's
/// <c>holders</c>, so taking is idempotent per SKU; when a SKU is short, every SKU holding the reservation gives
/// its units back (the same guarded update in reverse) and the reservation item is deleted. A crash part-way is
/// resumed by the next call, which finds the RESERVING item. Release is that same give-back. Stock never goes
/// below zero and is never given back twice; readers may briefly see units taken for an order that then turns out
/// short, which is what a reservation system shows while it works.
/// A SKU's <c>holders</c> set keeps the ids of reservations that were never released (completed orders); at ~30 bytes
/// each, a 400 KB item holds over ten thousand, and pruning those of completed orders is a maintenance job.
/// </remarks>
public sealed class DynamoDbInventory(IAmazonDynamoDB dynamo, DynamoDbTables tables) : IInventory
{
    private const int MaxAttempts = 5;

    public async Task<ReservationOutcome> ReserveAsync(OrderId orderId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken)
    {
        var wanted = lines.GroupBy(l => l.Sku, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var reservation = await StartReservationAsync(orderId, wanted, cancellationToken);
            if (reservation.State == InventoryItem.Reserved)
            {
                return new ReservationOutcome.Reserved(reservation.Units);
            }
            var shortage = await TakeStockAsync(reservation, cancellationToken);
            if (shortage is not null)
            {
                await GiveBackAsync(reservation, cancellationToken);
                await DeleteReservationAsync(orderId, reservation.Id, cancellationToken);
                return shortage;
            }
            if (await TryMarkReservedAsync(orderId, reservation.Id, cancellationToken))
            {
                return new ReservationOutcome.Reserved(reservation.Units);
            }
            // A concurrent call for the same order found a shortage and gave the stock back: start over.
            await GiveBackAsync(reservation, cancellationToken);
        }
        throw new InvalidOperationException($"The reservation for order {orderId} kept changing under concurrent calls.");
    }

    public async Task<bool> ReleaseAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        var reservation = await GetReservationAsync(orderId, cancellationToken);
        if (reservation is null)
        {
            return false;
        }
        await GiveBackAsync(reservation, cancellationToken);
        return await DeleteReservationAsync(orderId, reservation.Id, cancellationToken);
    }

    public async Task SetAvailableAsync(string sku, int available, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        await dynamo.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = tables.Inventory,
                Key = SkuKey(sku),
                UpdateExpression = "SET #available = :available",
                ExpressionAttributeNames = new() { ["#available"] = InventoryItem.Available },
                ExpressionAttributeValues = new() { [":available"] = OrderItem.N(available) },
            },
            cancellationToken);
    }

    public async Task<int?> GetAvailableAsync(string sku, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(
            new GetItemRequest { TableName = tables.Inventory, Key = SkuKey(sku), ConsistentRead = true },
            cancellationToken);
        return response.IsItemSet && response.Item.TryGetValue(InventoryItem.Available, out var available)
            ? int.Parse(available.N, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Writes a new RESERVING item, or returns the order's existing reservation (to resume or report).</summary>
    private async Task<Reservation> StartReservationAsync(OrderId orderId, Dictionary<string, int> wanted, CancellationToken cancellationToken)
    {
        var fresh = new Reservation(Guid.NewGuid().ToString("N"), InventoryItem.Reserving, wanted);
        try
        {
            await dynamo.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tables.Orders,
                    Item = fresh.ToItem(orderId),
                    ConditionExpression = "attribute_not_exists(#orderId)",
                    ExpressionAttributeNames = new() { ["#orderId"] = OrderItem.OrderId },
                },
                cancellationToken);
            return fresh;
        }
        catch (ConditionalCheckFailedException)
        {
            // Deleted again in between only by a concurrent shortage; the fresh one is then as good as any.
            return await GetReservationAsync(orderId, cancellationToken) ?? fresh;
        }
    }

    /// <summary>Takes every SKU not yet taken by this reservation; the first short SKU, or null when all are taken.</summary>
    private async Task<ReservationOutcome.OutOfStock?> TakeStockAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        foreach (var (sku, quantity) in reservation.Lines)
        {
            try
            {
                await dynamo.UpdateItemAsync(
                    new UpdateItemRequest
                    {
                        TableName = tables.Inventory,
                        Key = SkuKey(sku),
                        UpdateExpression = "SET #available = #available - :quantity ADD #holders :reservation",
                        ConditionExpression = "attribute_exists(#available) AND #available >= :quantity AND NOT contains(#holders, :id)",
                        ExpressionAttributeNames = new() { ["#available"] = InventoryItem.Available, ["#holders"] = InventoryItem.Holders },
                        ExpressionAttributeValues = new()
                        {
                            [":quantity"] = OrderItem.N(quantity),
                            [":reservation"] = new() { SS = [reservation.Id] },
                            [":id"] = OrderItem.S(reservation.Id),
                        },
                    },
                    cancellationToken);
            }
            catch (ConditionalCheckFailedException)
            {
                var item = (await dynamo.GetItemAsync(
                    new GetItemRequest { TableName = tables.Inventory, Key = SkuKey(sku), ConsistentRead = true },
                    cancellationToken)).Item;
                if (item is not null && item.TryGetValue(InventoryItem.Holders, out var holders) && holders.SS.Contains(reservation.Id))
                {
                    continue;
                }
                var available = item is not null && item.TryGetValue(InventoryItem.Available, out var a)
                    ? int.Parse(a.N, CultureInfo.InvariantCulture)
                    : 0;
                return new ReservationOutcome.OutOfStock(sku, quantity, available);
            }
        }
        return null;
    }

    /// <summary>Gives back the units of every SKU this reservation holds; SKUs it does not hold are left alone.</summary>
    private async Task GiveBackAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        foreach (var (sku, quantity) in reservation.Lines)
        {
            try
            {
                await dynamo.UpdateItemAsync(
                    new UpdateItemRequest
                    {
                        TableName = tables.Inventory,
                        Key = SkuKey(sku),
                        UpdateExpression = "SET #available = #available + :quantity DELETE #holders :reservation",
                        ConditionExpression = "contains(#holders, :id)",
                        ExpressionAttributeNames = new() { ["#available"] = InventoryItem.Available, ["#holders"] = InventoryItem.Holders },
                        ExpressionAttributeValues = new()
                        {
                            [":quantity"] = OrderItem.N(quantity),
                            [":reservation"] = new() { SS = [reservation.Id] },
                            [":id"] = OrderItem.S(reservation.Id),
                        },
                    },
                    cancellationToken);
            }
            catch (ConditionalCheckFailedException)
            {
                // Not held: never taken, or already given back.
            }
        }
    }

    private async Task<bool> TryMarkReservedAsync(OrderId orderId, string reservationId, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tables.Orders,
                    Key = OrderItem.KeyOf(orderId, InventoryItem.ReservationSk),
                    UpdateExpression = "SET #state = :reserved",
                    ConditionExpression = "#reservationId = :id",
                    ExpressionAttributeNames = new() { ["#state"] = InventoryItem.State, ["#reservationId"] = InventoryItem.ReservationId },
                    ExpressionAttributeValues = new() { [":reserved"] = OrderItem.S(InventoryItem.Reserved), [":id"] = OrderItem.S(reservationId) },
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<bool> DeleteReservationAsync(OrderId orderId, string reservationId, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = tables.Orders,
                    Key = OrderItem.KeyOf(orderId, InventoryItem.ReservationSk),
                    ConditionExpression = "#reservationId = :id",
                    ExpressionAttributeNames = new() { ["#reservationId"] = InventoryItem.ReservationId },
                    ExpressionAttributeValues = new() { [":id"] = OrderItem.S(reservationId) },
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<Reservation?> GetReservationAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(
            new GetItemRequest { TableName = tables.Orders, Key = OrderItem.KeyOf(orderId, InventoryItem.ReservationSk), ConsistentRead = true },
            cancellationToken);
        return response.IsItemSet && response.Item.Count > 0 ? Reservation.FromItem(response.Item) : null;
    }

    private static Dictionary<string, AttributeValue> SkuKey(string sku) => new() { [InventoryItem.Sku] = OrderItem.S(sku) };

    private sealed record Reservation(string Id, string State, IReadOnlyDictionary<string, int> Lines)
    {
        public int Units => Lines.Values.Sum();

        public Dictionary<string, AttributeValue> ToItem(OrderId orderId)
        {
            var item = OrderItem.KeyOf(orderId, InventoryItem.ReservationSk);
            item[InventoryItem.ReservationId] = OrderItem.S(Id);
            item[InventoryItem.State] = OrderItem.S(State);
            item[InventoryItem.Lines] = new() { M = Lines.ToDictionary(l => l.Key, l => OrderItem.N(l.Value)) };
            item[InventoryItem.Units] = OrderItem.N(Units);
            return item;
        }

        public static Reservation FromItem(Dictionary<string, AttributeValue> item) => new(
            item[InventoryItem.ReservationId].S,
            item[InventoryItem.State].S,
            item[InventoryItem.Lines].M
                .OrderBy(l => l.Key, StringComparer.Ordinal)
                .ToDictionary(l => l.Key, l => int.Parse(l.Value.N, CultureInfo.InvariantCulture), StringComparer.Ordinal));
    }
}
