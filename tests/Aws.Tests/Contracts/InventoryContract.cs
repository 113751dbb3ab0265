using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.Contracts;

/// <summary>
/// What every <see cref="IInventory"/> does: all-or-none reservations, idempotent by order id, each ending released or
/// settled and never both. One derived class per backend.
/// </summary>
public abstract class InventoryContract : IAsyncLifetime
{
    protected IInventory Inventory { get; private set; } = null!;

    /// <summary>An inventory with no SKUs stocked.</summary>
    protected abstract Task<IInventory> CreateInventoryAsync();

    public async Task InitializeAsync() => Inventory = await CreateInventoryAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reserving_takes_every_line_from_the_available_stock()
    {
        await StockAsync(("SKU-A", 10), ("SKU-B", 5));

        var outcome = await Inventory.ReserveAsync(NewOrder(), [new OrderLine("SKU-A", 3, 1m), new OrderLine("SKU-B", 5, 2m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.Reserved(8), outcome);
        Assert.Equal(7, await AvailableAsync("SKU-A"));
        Assert.Equal(0, await AvailableAsync("SKU-B"));
    }

    [Fact]
    public async Task Reserving_again_for_the_same_order_returns_the_first_reservation_and_takes_nothing()
    {
        await StockAsync(("SKU-A", 10));
        var order = NewOrder();
        await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m)], CancellationToken.None);

        var again = await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.Reserved(4), again);
        Assert.Equal(6, await AvailableAsync("SKU-A"));
    }

    [Fact]
    public async Task A_short_line_reserves_nothing_and_names_the_sku()
    {
        await StockAsync(("SKU-A", 10), ("SKU-B", 2));

        var outcome = await Inventory.ReserveAsync(NewOrder(), [new OrderLine("SKU-A", 3, 1m), new OrderLine("SKU-B", 3, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.OutOfStock("SKU-B", 3, 2), outcome);
        Assert.Equal(10, await AvailableAsync("SKU-A"));
        Assert.Equal(2, await AvailableAsync("SKU-B"));
    }

    [Fact]
    public async Task An_unstocked_sku_is_out_of_stock_with_nothing_available()
    {
        var outcome = await Inventory.ReserveAsync(NewOrder(), [new OrderLine("SKU-OUT", 1, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.OutOfStock("SKU-OUT", 1, 0), outcome);
        Assert.Null(await AvailableAsync("SKU-OUT"));
    }

    [Fact]
    public async Task Lines_of_the_same_sku_are_reserved_together()
    {
        await StockAsync(("SKU-A", 5));
        OrderLine[] twice = [new OrderLine("SKU-A", 3, 1m), new OrderLine("SKU-A", 3, 1m)];

        Assert.Equal(new ReservationOutcome.OutOfStock("SKU-A", 6, 5), await Inventory.ReserveAsync(NewOrder(), twice, CancellationToken.None));

        await StockAsync(("SKU-A", 6));
        Assert.Equal(new ReservationOutcome.Reserved(6), await Inventory.ReserveAsync(NewOrder(), twice, CancellationToken.None));
        Assert.Equal(0, await AvailableAsync("SKU-A"));
    }

    [Fact]
    public async Task An_order_that_was_short_can_reserve_once_stock_arrives()
    {
        await StockAsync(("SKU-A", 1));
        var order = NewOrder();
        Assert.IsType<ReservationOutcome.OutOfStock>(await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 2, 1m)], CancellationToken.None));

        await StockAsync(("SKU-A", 2));

        Assert.Equal(new ReservationOutcome.Reserved(2), await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 2, 1m)], CancellationToken.None));
        Assert.Equal(0, await AvailableAsync("SKU-A"));
    }

    [Fact]
    public async Task Releasing_gives_the_reserved_stock_back_once()
    {
        await StockAsync(("SKU-A", 10), ("SKU-B", 3));
        var order = NewOrder();
        await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m), new OrderLine("SKU-B", 3, 1m)], CancellationToken.None);

        Assert.True(await Inventory.ReleaseAsync(order, CancellationToken.None));
        Assert.False(await Inventory.ReleaseAsync(order, CancellationToken.None));

        Assert.Equal(10, await AvailableAsync("SKU-A"));
        Assert.Equal(3, await AvailableAsync("SKU-B"));
    }

    [Fact]
    public async Task Releasing_an_order_without_a_reservation_gives_nothing_back()
    {
        await StockAsync(("SKU-A", 10));

        Assert.False(await Inventory.ReleaseAsync(NewOrder(), CancellationToken.None));
        Assert.Equal(10, await AvailableAsync("SKU-A"));
    }

    [Fact]
    public async Task Concurrent_reservations_never_take_more_than_is_available()
    {
        await StockAsync(("SKU-HOT", 5));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Inventory.ReserveAsync(NewOrder(), [new OrderLine("SKU-HOT", 1, 1m)], CancellationToken.None)));

        Assert.Equal(5, outcomes.Count(o => o is ReservationOutcome.Reserved));
        Assert.Equal(7, outcomes.Count(o => o is ReservationOutcome.OutOfStock));
        Assert.Equal(0, await AvailableAsync("SKU-HOT"));
    }

    [Fact]
    public async Task Concurrent_reservations_for_one_order_take_its_stock_once()
    {
        await StockAsync(("SKU-A", 10), ("SKU-B", 10));
        var order = NewOrder();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 2, 1m), new OrderLine("SKU-B", 3, 1m)], CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(new ReservationOutcome.Reserved(5), o));
        Assert.Equal(8, await AvailableAsync("SKU-A"));
        Assert.Equal(7, await AvailableAsync("SKU-B"));
    }

    [Fact]
    public async Task Settling_keeps_the_reserved_stock_taken()
    {
        await StockAsync(("SKU-A", 10), ("SKU-B", 3));
        var order = NewOrder();
        await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m), new OrderLine("SKU-B", 3, 1m)], CancellationToken.None);

        Assert.True(await Inventory.SettleAsync(order, CancellationToken.None));

        Assert.Equal(6, await AvailableAsync("SKU-A"));
        Assert.Equal(0, await AvailableAsync("SKU-B"));
    }

    [Fact]
    public async Task Releasing_a_settled_reservation_gives_nothing_back()
    {
        await StockAsync(("SKU-A", 10), ("SKU-B", 3));
        var order = NewOrder();
        await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m), new OrderLine("SKU-B", 3, 1m)], CancellationToken.None);
        await Inventory.SettleAsync(order, CancellationToken.None);

        Assert.False(await Inventory.ReleaseAsync(order, CancellationToken.None));

        Assert.Equal(6, await AvailableAsync("SKU-A"));
        Assert.Equal(0, await AvailableAsync("SKU-B"));
    }

    [Fact]
    public async Task Settling_again_changes_nothing()
    {
        await StockAsync(("SKU-A", 10));
        var order = NewOrder();
        await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m)], CancellationToken.None);

        Assert.True(await Inventory.SettleAsync(order, CancellationToken.None));
        Assert.True(await Inventory.SettleAsync(order, CancellationToken.None));

        Assert.Equal(6, await AvailableAsync("SKU-A"));
        Assert.False(await Inventory.ReleaseAsync(order, CancellationToken.None));
        Assert.Equal(6, await AvailableAsync("SKU-A"));
    }

    [Fact]
    public async Task Settling_an_order_without_a_reservation_changes_nothing()
    {
        await StockAsync(("SKU-A", 10));

        Assert.False(await Inventory.SettleAsync(NewOrder(), CancellationToken.None));
        Assert.Equal(10, await AvailableAsync("SKU-A"));
    }

    [Fact]
    public async Task A_released_reservation_cannot_be_settled()
    {
        await StockAsync(("SKU-A", 10));
        var order = NewOrder();
        await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m)], CancellationToken.None);
        await Inventory.ReleaseAsync(order, CancellationToken.None);

        Assert.False(await Inventory.SettleAsync(order, CancellationToken.None));
        Assert.Equal(10, await AvailableAsync("SKU-A"));
    }

    [Fact]
    public async Task Reserving_again_after_settling_returns_the_reservation_and_takes_nothing()
    {
        await StockAsync(("SKU-A", 10));
        var order = NewOrder();
        await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m)], CancellationToken.None);
        await Inventory.SettleAsync(order, CancellationToken.None);

        var again = await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 4, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.Reserved(4), again);
        Assert.Equal(6, await AvailableAsync("SKU-A"));
    }

    [Fact]
    public async Task Settling_and_releasing_one_order_at_once_end_it_one_way_only()
    {
        await StockAsync(("SKU-A", 100), ("SKU-B", 100));
        var orders = Enumerable.Range(0, 10).Select(_ => NewOrder()).ToArray();
        foreach (var order in orders)
        {
            await Inventory.ReserveAsync(order, [new OrderLine("SKU-A", 2, 1m), new OrderLine("SKU-B", 3, 1m)], CancellationToken.None);
        }

        var ends = await Task.WhenAll(orders.Select(async order =>
        {
            var settle = Inventory.SettleAsync(order, CancellationToken.None);
            var release = Inventory.ReleaseAsync(order, CancellationToken.None);
            return (Settled: await settle, Released: await release);
        }));

        Assert.All(ends, end => Assert.NotEqual(end.Settled, end.Released));
        var settled = ends.Count(end => end.Settled);
        Assert.Equal(100 - (2 * settled), await AvailableAsync("SKU-A"));
        Assert.Equal(100 - (3 * settled), await AvailableAsync("SKU-B"));
    }

    private static OrderId NewOrder() => OrderId.New(OrderSamples.Start);

    private async Task StockAsync(params (string Sku, int Available)[] stock)
    {
        foreach (var (sku, available) in stock)
        {
            await Inventory.SetAvailableAsync(sku, available, CancellationToken.None);
        }
    }

    private Task<int?> AvailableAsync(string sku) => Inventory.GetAvailableAsync(sku, CancellationToken.None);
}
