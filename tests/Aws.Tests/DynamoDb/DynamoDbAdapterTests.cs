using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Tests.Contracts;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Orders;

namespace StepOrders.Aws.Tests.DynamoDb;

/// <summary>What the DynamoDB adapters do beyond the contracts.</summary>
[Collection(StandinsCollection.Name)]
public sealed class DynamoDbAdapterTests(DynaliteFixture dynalite)
{
    private static readonly Money Total = new(10m, "EUR");

    [Fact]
    public async Task Creating_the_tables_again_leaves_them_as_they_are()
    {
        var tables = await dynalite.CreateTablesAsync();
        var inventory = new DynamoDbInventory(dynalite.Client, tables);
        await inventory.SetAvailableAsync("SKU-A", 3, CancellationToken.None);

        await DynamoDbTableSetup.CreateAsync(dynalite.Client, tables, CancellationToken.None);

        Assert.Equal(3, await inventory.GetAvailableAsync("SKU-A", CancellationToken.None));
    }

    [Fact]
    public async Task Orders_of_one_status_are_spread_over_its_index_shards_and_keep_their_shard_as_they_move_on()
    {
        var tables = await dynalite.CreateTablesAsync();
        var store = new DynamoDbOrderStore(dynalite.Client, tables);
        var orders = Enumerable.Range(0, 40).Select(i => OrderSamples.Placed($"cust-{i}", OrderSamples.Start.AddSeconds(i))).ToList();
        foreach (var order in orders)
        {
            Assert.True(await store.TryInsertAsync(order, CancellationToken.None));
        }
        var moved = OrderSamples.Moved(orders[0], OrderStatus.Validating, OrderSamples.Start.AddMinutes(1));
        Assert.True(await store.TrySaveStatusChangeAsync(moved, OrderStatus.Pending, CancellationToken.None));

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            var item = (await dynalite.Client.GetItemAsync(tables.Orders, OrderItem.Key(order.Id))).Item;
            keys[order.Id.Value] = item[OrderItem.StatusShard].S;
        }

        Assert.Equal($"VALIDATING#{OrderItem.ShardOf(orders[0].Id)}", keys[orders[0].Id.Value]);
        var pendingShards = orders.Skip(1).Select(order => keys[order.Id.Value]).ToHashSet(StringComparer.Ordinal);
        Assert.All(pendingShards, shard => Assert.StartsWith("PENDING#", shard, StringComparison.Ordinal));
        Assert.True(pendingShards.Count > 1, "39 orders of one status all landed on one index partition");
    }

    [Fact]
    public void An_order_s_shard_is_fixed_by_its_id_and_ids_fill_every_shard_evenly()
    {
        var ids = Enumerable.Range(0, 8_000).Select(i => OrderId.New(OrderSamples.Start.AddMilliseconds(i))).ToList();

        var perShard = ids.GroupBy(OrderItem.ShardOf).ToDictionary(group => group.Key, group => group.Count());

        Assert.All(ids.Take(100), id => Assert.Equal(OrderItem.ShardOf(id), OrderItem.ShardOf(OrderId.Parse(id.Value))));
        Assert.Equal(Enumerable.Range(0, OrderItem.StatusShards), perShard.Keys.Order());
        Assert.All(perShard.Values, count => Assert.InRange(count, 800, 1_200));
    }

    [Fact]
    public async Task A_cursor_the_store_did_not_make_is_rejected()
    {
        var store = new DynamoDbOrderStore(dynalite.Client, await dynalite.CreateTablesAsync());

        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync(OrderFilter.ForCustomer("cust-1"), 10, "not-a-cursor", CancellationToken.None));
    }

    [Fact]
    public async Task A_refunded_order_that_is_captured_again_counts_two_captures()
    {
        var payments = new DynamoDbPaymentGateway(dynalite.Client, await dynalite.CreateTablesAsync());
        var order = OrderId.New(OrderSamples.Start);
        var first = Assert.IsType<PaymentOutcome.Captured>(await payments.CaptureAsync(new PaymentRequest(order, Total, TestCardNetwork.Approve, 0), CancellationToken.None));
        Assert.True(await payments.RefundAsync(order, CancellationToken.None));

        var second = Assert.IsType<PaymentOutcome.Captured>(await payments.CaptureAsync(new PaymentRequest(order, Total, TestCardNetwork.Approve, 0), CancellationToken.None));

        Assert.NotEqual(first.PaymentId, second.PaymentId);
        Assert.Equal(2, await payments.CountCapturesAsync(order, CancellationToken.None));
    }
}
