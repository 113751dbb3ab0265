using Amazon.DynamoDBv2.Model;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Tests.Contracts;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Orders;

namespace StepOrders.Aws.Tests.DynamoDb;

/// <summary>What the DynamoDB inventory keeps in its items, and how it resumes work a crash cut short.</summary>
[Collection(StandinsCollection.Name)]
public sealed class DynamoDbInventoryTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private DynamoDbTables _tables = null!;
    private DynamoDbInventory _inventory = null!;

    public async Task InitializeAsync()
    {
        _tables = await dynalite.CreateTablesAsync();
        _inventory = new DynamoDbInventory(dynalite.Client, _tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_sku_s_holders_keep_no_id_of_a_completed_or_failed_order()
    {
        await _inventory.SetAvailableAsync("SKU-HOT", 1000, CancellationToken.None);
        var orders = Enumerable.Range(0, 60).Select(_ => OrderId.New(OrderSamples.Start)).ToArray();
        foreach (var order in orders)
        {
            await _inventory.ReserveAsync(order, [new OrderLine("SKU-HOT", 2, 1m)], CancellationToken.None);
        }
        Assert.Equal(60, (await SkuAsync("SKU-HOT"))[InventoryItem.Holders].SS.Count);

        await Task.WhenAll(orders[..50].Select(order => _inventory.SettleAsync(order, CancellationToken.None)));
        await Task.WhenAll(orders[50..].Select(order => _inventory.ReleaseAsync(order, CancellationToken.None)));

        var sku = await SkuAsync("SKU-HOT");
        Assert.False(sku.TryGetValue(InventoryItem.Holders, out var holders) && holders.SS.Count > 0, $"holders: {string.Join(' ', holders?.SS ?? [])}");
        Assert.Equal("900", sku[InventoryItem.Available].N);
        Assert.Equal(InventoryItem.Settled, (await ReservationAsync(orders[0]))![InventoryItem.State].S);
        Assert.Null(await ReservationAsync(orders[^1]));
    }

    [Fact]
    public async Task A_settling_cut_short_is_finished_by_the_next_call_and_gives_nothing_back()
    {
        await _inventory.SetAvailableAsync("SKU-A", 10, CancellationToken.None);
        await _inventory.SetAvailableAsync("SKU-B", 10, CancellationToken.None);
        var order = OrderId.New(OrderSamples.Start);
        await _inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m), new OrderLine("SKU-B", 1, 1m)], CancellationToken.None);
        await SetStateAsync(order, InventoryItem.Settling);

        Assert.False(await _inventory.ReleaseAsync(order, CancellationToken.None));
        Assert.True(await _inventory.SettleAsync(order, CancellationToken.None));

        Assert.Equal(InventoryItem.Settled, (await ReservationAsync(order))![InventoryItem.State].S);
        foreach (var (sku, left) in new[] { ("SKU-A", "6"), ("SKU-B", "9") })
        {
            var item = await SkuAsync(sku);
            Assert.False(item.ContainsKey(InventoryItem.Holders));
            Assert.Equal(left, item[InventoryItem.Available].N);
        }
    }

    [Fact]
    public async Task A_release_cut_short_cannot_be_settled_and_is_finished_by_the_next_release()
    {
        await _inventory.SetAvailableAsync("SKU-A", 10, CancellationToken.None);
        var order = OrderId.New(OrderSamples.Start);
        await _inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m)], CancellationToken.None);
        await SetStateAsync(order, InventoryItem.Releasing);

        Assert.False(await _inventory.SettleAsync(order, CancellationToken.None));
        Assert.True(await _inventory.ReleaseAsync(order, CancellationToken.None));

        Assert.Null(await ReservationAsync(order));
        Assert.Equal(10, await _inventory.GetAvailableAsync("SKU-A", CancellationToken.None));
    }

    [Fact]
    public async Task Reserving_an_order_whose_release_was_cut_short_finishes_it_and_reserves_afresh()
    {
        await _inventory.SetAvailableAsync("SKU-A", 10, CancellationToken.None);
        var order = OrderId.New(OrderSamples.Start);
        await _inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m)], CancellationToken.None);
        var first = (await ReservationAsync(order))![InventoryItem.ReservationId].S;
        await SetStateAsync(order, InventoryItem.Releasing);

        var again = await _inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.Reserved(4), again);
        var reservation = (await ReservationAsync(order))!;
        Assert.NotEqual(first, reservation[InventoryItem.ReservationId].S);
        Assert.Equal(InventoryItem.Reserved, reservation[InventoryItem.State].S);
        Assert.Equal(6, await _inventory.GetAvailableAsync("SKU-A", CancellationToken.None));
        Assert.Equal([reservation[InventoryItem.ReservationId].S], (await SkuAsync("SKU-A"))[InventoryItem.Holders].SS);
    }

    private async Task<Dictionary<string, AttributeValue>> SkuAsync(string sku) =>
        (await dynalite.Client.GetItemAsync(new GetItemRequest
        {
            TableName = _tables.Inventory,
            Key = new() { [InventoryItem.Sku] = new AttributeValue { S = sku } },
            ConsistentRead = true,
        })).Item;

    private async Task<Dictionary<string, AttributeValue>?> ReservationAsync(OrderId order)
    {
        var response = await dynalite.Client.GetItemAsync(new GetItemRequest
        {
            TableName = _tables.Orders,
            Key = OrderItem.KeyOf(order, InventoryItem.ReservationSk),
            ConsistentRead = true,
        });
        return response.IsItemSet && response.Item.Count > 0 ? response.Item : null;
    }

    /// <summary>Leaves the reservation as a crash right after its first write would: moved, nothing else done.</summary>
    private Task SetStateAsync(OrderId order, string state) =>
        dynalite.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = _tables.Orders,
            Key = OrderItem.KeyOf(order, InventoryItem.ReservationSk),
            UpdateExpression = "SET #state = :state",
            ExpressionAttributeNames = new() { ["#state"] = InventoryItem.State },
            ExpressionAttributeValues = new() { [":state"] = new AttributeValue { S = state } },
        });
}
