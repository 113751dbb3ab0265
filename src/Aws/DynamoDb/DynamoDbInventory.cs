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
/// <c>holders</c>, so taking is idempotent per SKU; once all are taken the item is RESERVED. Stock never goes below
/// zero and is never given back twice; readers may briefly see units taken for an order that then turns out short,
/// which is what a reservation system shows while it works.
/// <para>
/// A reservation ends one of two ways, each begun by one conditional write to the reservation item that decides it:
/// released (RESERVING or RESERVED to RELEASING; then every SKU holding the id gives its units back, the same guarded
/// update in reverse, and the item is deleted) when the order fails or a SKU is short; or settled (RESERVED to
/// SETTLING; then the id leaves every SKU's <c>holders</c> without touching <c>available</c>, and the item becomes
/// SETTLED) when the stock has left with the order. A crash part-way is resumed by the next call, which finds the
/// item RESERVING, RELEASING or SETTLING. So a SKU's <c>holders</c> holds only reservations in flight, and its item
/// stays far below DynamoDB's 400 KB however many orders the SKU has sold.
/// </para>
/// <para>
/// Races of one order. Release and settle cannot both win: both need the item out of RESERVED, and the first
/// conditional write decides; the loser changes nothing (release returns false, settle returns false), so no SKU is
/// given back after settling began and none stays consumed after releasing began. A Reserve retry after settling
/// finds the SETTLING or SETTLED item and answers with it, taking nothing; the item is kept, not deleted, for that
/// (and it is small, in the order's own partition). A Reserve that finds RELEASING finishes the release and starts
/// a fresh reservation, as after any release. A Reserve still taking stock when its reservation was made by a
/// concurrent call and then settled (it would have to outlive payment and fulfilment; Lambda's timeout ends it
/// long before) could take a SKU again after settling dropped the id there; it then finds the item SETTLED and
/// gives nothing back, so such a unit stays taken (never sold twice) and that one id stays in the SKU's holders.
/// </para>
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
            if (reservation.IsTaken)
            {
                return new ReservationOutcome.Reserved(reservation.Units);
            }
            if (reservation.State == InventoryItem.Releasing)
            {
                await FinishReleaseAsync(orderId, reservation, cancellationToken);
                continue;
            }
            var shortage = await TakeStockAsync(reservation, cancellationToken);
            var next = shortage is null ? InventoryItem.Reserved : InventoryItem.Releasing;
            if (await TryMoveAsync(orderId, reservation.Id, [InventoryItem.Reserving, next], next, cancellationToken))
            {
                if (shortage is null)
                {
                    return new ReservationOutcome.Reserved(reservation.Units);
                }
                await FinishReleaseAsync(orderId, reservation, cancellationToken);
                return shortage;
            }
            if (await GetReservationAsync(orderId, cancellationToken) is { IsTaken: true } taken && taken.Id == reservation.Id)
            {
                // A concurrent call for the same order took the rest (and the order may be settled since): it stands.
                return new ReservationOutcome.Reserved(taken.Units);
            }
            // A concurrent call for the same order released this reservation (a shortage, or the order failed): whatever
            // this call took after that goes back too.
            await GiveBackAsync(reservation, cancellationToken);
            if (shortage is not null)
            {
                return shortage;
            }
        }
        throw new InvalidOperationException($"The reservation for order {orderId} kept changing under concurrent calls.");
    }

    public async Task<bool> ReleaseAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        var reservation = await GetReservationAsync(orderId, cancellationToken);
        if (reservation is null || reservation.State is InventoryItem.Settling or InventoryItem.Settled)
        {
            return false;
        }
        string[] releasable = [InventoryItem.Reserving, InventoryItem.Reserved, InventoryItem.Releasing];
        return await TryMoveAsync(orderId, reservation.Id, releasable, InventoryItem.Releasing, cancellationToken)
            && await FinishReleaseAsync(orderId, reservation, cancellationToken);
    }

    public async Task<bool> SettleAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var reservation = await GetReservationAsync(orderId, cancellationToken);
            if (reservation is null || reservation.State is InventoryItem.Reserving or InventoryItem.Releasing)
            {
                return false;
            }
            if (reservation.State == InventoryItem.Settled)
            {
                return true;
            }
            if (reservation.State == InventoryItem.Settling
                || await TryMoveAsync(orderId, reservation.Id, [InventoryItem.Reserved], InventoryItem.Settling, cancellationToken))
            {
                await DropFromHoldersAsync(reservation, cancellationToken);
                await TryMoveAsync(orderId, reservation.Id, [InventoryItem.Settling], InventoryItem.Settled, cancellationToken);
                return true;
            }
            // Released or settled by a concurrent call in between: look again.
        }
        throw new InvalidOperationException($"The reservation for order {orderId} kept changing under concurrent calls.");
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
            // Deleted again in between by a release (a concurrent shortage, or the order failing); the fresh one is then as good as any.
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
    private Task GiveBackAsync(Reservation reservation, CancellationToken cancellationToken) =>
        LetGoAsync(reservation, unitsBack: true, cancellationToken);

    /// <summary>Takes this reservation's id out of every SKU's <c>holders</c>, leaving <c>available</c> as it is: the units stay taken.</summary>
    private Task DropFromHoldersAsync(Reservation reservation, CancellationToken cancellationToken) =>
        LetGoAsync(reservation, unitsBack: false, cancellationToken);

    /// <summary>
    /// Takes this reservation's id out of every SKU's <c>holders</c> that still has it, with its units back or not, in
    /// one guarded update per SKU: a SKU that no longer holds it (never taken, or let go already by a call cut short or
    /// a concurrent one) is left alone, so its units are never given back twice.
    /// </summary>
    private async Task LetGoAsync(Reservation reservation, bool unitsBack, CancellationToken cancellationToken)
    {
        foreach (var (sku, quantity) in reservation.Lines)
        {
            var values = new Dictionary<string, AttributeValue>
            {
                [":reservation"] = new() { SS = [reservation.Id] },
                [":id"] = OrderItem.S(reservation.Id),
            };
            var names = new Dictionary<string, string> { ["#holders"] = InventoryItem.Holders };
            if (unitsBack)
            {
                values[":quantity"] = OrderItem.N(quantity);
                names["#available"] = InventoryItem.Available;
            }
            try
            {
                await dynamo.UpdateItemAsync(
                    new UpdateItemRequest
                    {
                        TableName = tables.Inventory,
                        Key = SkuKey(sku),
                        UpdateExpression = unitsBack ? "SET #available = #available + :quantity DELETE #holders :reservation" : "DELETE #holders :reservation",
                        ConditionExpression = "contains(#holders, :id)",
                        ExpressionAttributeNames = names,
                        ExpressionAttributeValues = values,
                    },
                    cancellationToken);
            }
            catch (ConditionalCheckFailedException)
            {
                // Not held by this reservation: nothing to let go.
            }
        }
    }

    /// <summary>Gives back what a RELEASING reservation holds and deletes it; true if this call deleted it.</summary>
    private async Task<bool> FinishReleaseAsync(OrderId orderId, Reservation reservation, CancellationToken cancellationToken)
    {
        await GiveBackAsync(reservation, cancellationToken);
        try
        {
            await dynamo.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = tables.Orders,
                    Key = OrderItem.KeyOf(orderId, InventoryItem.ReservationSk),
                    ConditionExpression = "#reservationId = :id AND #state = :releasing",
                    ExpressionAttributeNames = new() { ["#reservationId"] = InventoryItem.ReservationId, ["#state"] = InventoryItem.State },
                    ExpressionAttributeValues = new() { [":id"] = OrderItem.S(reservation.Id), [":releasing"] = OrderItem.S(InventoryItem.Releasing) },
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Moves the order's reservation, if it is still <paramref name="reservationId"/> and in one of the states <paramref name="from"/>.</summary>
    private async Task<bool> TryMoveAsync(OrderId orderId, string reservationId, string[] from, string to, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue> { [":id"] = OrderItem.S(reservationId), [":to"] = OrderItem.S(to) };
        for (var i = 0; i < from.Length; i++)
        {
            values[$":from{i}"] = OrderItem.S(from[i]);
        }
        try
        {
            await dynamo.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tables.Orders,
                    Key = OrderItem.KeyOf(orderId, InventoryItem.ReservationSk),
                    UpdateExpression = "SET #state = :to",
                    ConditionExpression = $"#reservationId = :id AND #state IN ({string.Join(", ", from.Select((_, i) => $":from{i}"))})",
                    ExpressionAttributeNames = new() { ["#state"] = InventoryItem.State, ["#reservationId"] = InventoryItem.ReservationId },
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

        /// <summary>Every SKU was taken for it (RESERVED), and perhaps it has been settled since.</summary>
        public bool IsTaken => State is InventoryItem.Reserved or InventoryItem.Settling or InventoryItem.Settled;

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
