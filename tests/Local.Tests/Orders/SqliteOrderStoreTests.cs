using StepOrders.Local.Orders;
using StepOrders.Local.Queue;
using StepOrders.Orders;

namespace StepOrders.Local.Tests.Orders;

public sealed class SqliteOrderStoreTests : IAsyncLifetime
{
    private readonly TestDatabase _test = TestDatabase.Create();
    private readonly SqliteOrderStore _store;
    private readonly SqliteOrderIntake _intake;

    public SqliteOrderStoreTests()
    {
        _store = new SqliteOrderStore(_test.Database);
        _intake = new SqliteOrderIntake(_test.Database, new QueueArrivals(), _test.Clock);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task An_order_reads_back_as_it_was_placed()
    {
        var placed = TestOrders.Place(_test.Clock.GetUtcNow(), "cust-1", new OrderLine("SKU-1", 2, 19.99m), new OrderLine("SKU-2", 1, 0.01m));
        await _intake.AcceptAsync(placed, null, CancellationToken.None);

        var stored = await _store.GetAsync(placed.Id, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(placed.Lines, stored.Lines);
        Assert.Equal(placed.History, stored.History);
        Assert.Equal(placed with { Lines = stored.Lines, History = stored.History }, stored);
        Assert.Equal(39.99m, stored.Total.Amount);
    }

    [Fact]
    public async Task An_unknown_order_is_null()
    {
        Assert.Null(await _store.GetAsync(OrderId.New(_test.Clock.GetUtcNow()), CancellationToken.None));
    }

    [Fact]
    public async Task A_status_change_is_saved_only_from_the_expected_status()
    {
        var order = await PlaceAsync();
        var validating = Move(order, OrderStatus.Validating);

        Assert.True(await _store.TrySaveStatusChangeAsync(validating, OrderStatus.Pending, CancellationToken.None));
        Assert.False(await _store.TrySaveStatusChangeAsync(validating, OrderStatus.Pending, CancellationToken.None));
        Assert.False(await _store.TrySaveStatusChangeAsync(Move(validating, OrderStatus.InventoryCheck), OrderStatus.Pending, CancellationToken.None));

        var stored = await _store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Validating, stored!.Status);
        Assert.Equal([OrderStatus.Pending, OrderStatus.Validating], stored.History.Select(change => change.Status));
    }

    [Fact]
    public async Task A_read_after_a_status_change_sees_it_though_the_read_before_used_the_same_connection()
    {
        var order = await PlaceAsync();
        // Reads reuse their connections and prepared statements: the earlier read's snapshot must not outlive it.
        Assert.Equal(OrderStatus.Pending, (await _store.GetAsync(order.Id, CancellationToken.None))!.Status);
        Assert.True(await _store.TrySaveStatusChangeAsync(Move(order, OrderStatus.Validating), OrderStatus.Pending, CancellationToken.None));

        var stored = await _store.GetAsync(order.Id, CancellationToken.None);

        Assert.Equal(OrderStatus.Validating, stored!.Status);
        Assert.Equal([OrderStatus.Pending, OrderStatus.Validating], stored.History.Select(change => change.Status));
    }

    [Fact]
    public async Task Of_competing_moves_from_one_status_exactly_one_is_saved()
    {
        var order = await PlaceAsync();

        var saves = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _store.TrySaveStatusChangeAsync(Move(order, OrderStatus.Validating, $"attempt {i}"), OrderStatus.Pending, CancellationToken.None)));

        Assert.Single(saves, saved => saved);
        Assert.Equal(2, (await _store.GetAsync(order.Id, CancellationToken.None))!.History.Count);
    }

    [Fact]
    public async Task A_failure_is_kept_while_failed_and_cleared_when_the_order_is_reopened()
    {
        var order = await PlaceAsync();
        var failed = order.MoveTo(OrderStatus.Failed, _test.Clock.GetUtcNow(), "no", new OrderFailure("CheckInventory", OrderErrors.OutOfStock, "SKU-OUT")).Next!;
        await _store.TrySaveStatusChangeAsync(failed, OrderStatus.Pending, CancellationToken.None);
        var storedFailure = (await _store.GetAsync(order.Id, CancellationToken.None))!.Failure;

        await _store.TrySaveStatusChangeAsync(Move(failed, OrderStatus.Pending), OrderStatus.Failed, CancellationToken.None);
        var reopened = await _store.GetAsync(order.Id, CancellationToken.None);

        Assert.Equal(new OrderFailure("CheckInventory", OrderErrors.OutOfStock, "SKU-OUT"), storedFailure);
        Assert.Equal(OrderStatus.Pending, reopened!.Status);
        Assert.Null(reopened.Failure);
        Assert.Equal(3, reopened.History.Count);
    }

    [Fact]
    public async Task A_customers_orders_list_newest_first_and_a_cursor_continues_them()
    {
        var placed = new List<OrderId>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add((await PlaceAsync("pager")).Id);
            _test.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        await PlaceAsync("other");

        var first = await _store.ListAsync(OrderFilter.ForCustomer("pager"), 3, null, CancellationToken.None);
        var second = await _store.ListAsync(OrderFilter.ForCustomer("pager"), 3, first.NextCursor, CancellationToken.None);

        Assert.Equal(Enumerable.Reverse(placed), first.Orders.Concat(second.Orders).Select(order => order.Id));
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
        Assert.All(first.Orders, order => Assert.Single(order.History));
    }

    [Fact]
    public async Task Orders_list_by_status()
    {
        var pending = await PlaceAsync();
        var moved = await PlaceAsync();
        await _store.TrySaveStatusChangeAsync(Move(moved, OrderStatus.Validating), OrderStatus.Pending, CancellationToken.None);

        var page = await _store.ListAsync(new OrderFilter(Status: OrderStatus.Validating), 10, null, CancellationToken.None);
        var stillPending = await _store.ListPendingAsync(_test.Clock.GetUtcNow().AddSeconds(1), 10, CancellationToken.None);

        Assert.Equal(moved.Id, Assert.Single(page.Orders).Id);
        Assert.Equal(pending.Id, Assert.Single(stillPending));
    }

    [Fact]
    public async Task A_cursor_that_is_not_one_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ListAsync(OrderFilter.ForCustomer("c"), 10, "bogus", CancellationToken.None));
    }

    private async Task<Order> PlaceAsync(string customerId = "cust-1")
    {
        var order = TestOrders.Place(_test.Clock.GetUtcNow(), customerId);
        await _intake.AcceptAsync(order, null, CancellationToken.None);
        return order;
    }

    private Order Move(Order order, OrderStatus next, string detail = "moved") => order.MoveTo(next, _test.Clock.GetUtcNow(), detail).Next!;
}
