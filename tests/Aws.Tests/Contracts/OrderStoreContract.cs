using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.Contracts;

/// <summary>What every <see cref="IOrderStore"/> does, whatever it stores orders in. One derived class per backend.</summary>
public abstract class OrderStoreContract : IAsyncLifetime
{
    private int minutes;

    protected IOrderStore Store { get; private set; } = null!;

    /// <summary>A store with no orders in it.</summary>
    protected abstract Task<IOrderStore> CreateStoreAsync();

    /// <summary>Puts a new PENDING order in the store, as the backend's intake does.</summary>
    protected abstract Task AddAsync(Order order);

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_stored_order_reads_back_whole()
    {
        var order = OrderSamples.Placed("cust-1", Next(), lines: [new OrderLine("SKU-A", 3, 0.10m), new OrderLine("SKU-B", 1, 1000000m)]);
        order = order with { ShippingAddress = order.ShippingAddress with { Line2 = "Flat 3" } };
        await AddAsync(order);

        var stored = await Store.GetAsync(order.Id, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(order.Lines, stored.Lines);
        Assert.Equal(order.History, stored.History);
        Assert.Equal(order with { Lines = stored.Lines, History = stored.History }, stored);
        Assert.Equal(1000000.30m, stored.Total.Amount);
    }

    [Fact]
    public async Task An_unknown_order_reads_as_null()
    {
        Assert.Null(await Store.GetAsync(OrderId.New(Next()), CancellationToken.None));
    }

    [Fact]
    public async Task A_status_change_from_the_expected_status_is_saved_with_its_history_entry()
    {
        var order = await AddedAsync("cust-1");
        var validating = OrderSamples.Moved(order, OrderStatus.Validating, Next());

        Assert.True(await Store.TrySaveStatusChangeAsync(validating, OrderStatus.Pending, CancellationToken.None));

        var stored = await Store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Validating, stored!.Status);
        Assert.Equal(validating.History, stored.History);
        Assert.Equal(validating.UpdatedAt, stored.UpdatedAt);
    }

    [Fact]
    public async Task A_status_change_is_refused_when_another_writer_moved_the_order_first()
    {
        var order = await AddedAsync("cust-1");
        var first = OrderSamples.Moved(order, OrderStatus.Validating, Next());
        var second = OrderSamples.Moved(order, OrderStatus.Failed, Next(), new OrderFailure("ValidateOrder", OrderErrors.Invalid, "late"));

        Assert.True(await Store.TrySaveStatusChangeAsync(first, OrderStatus.Pending, CancellationToken.None));
        Assert.False(await Store.TrySaveStatusChangeAsync(second, OrderStatus.Pending, CancellationToken.None));

        var stored = await Store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Validating, stored!.Status);
        Assert.Equal(2, stored.History.Count);
        Assert.Null(stored.Failure);
    }

    [Fact]
    public async Task A_status_change_of_an_unknown_order_is_refused()
    {
        var order = OrderSamples.Placed("cust-1", Next());
        var moved = OrderSamples.Moved(order, OrderStatus.Validating, Next());

        Assert.False(await Store.TrySaveStatusChangeAsync(moved, OrderStatus.Pending, CancellationToken.None));
        Assert.Null(await Store.GetAsync(order.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_is_kept_with_the_failed_status_and_cleared_when_the_order_is_redriven()
    {
        var order = await AddedAsync("cust-1");
        var failure = new OrderFailure("CheckInventory", OrderErrors.OutOfStock, "SKU-OUT: 1 requested, 0 available.");
        var failed = OrderSamples.Moved(order, OrderStatus.Failed, Next(), failure);
        Assert.True(await Store.TrySaveStatusChangeAsync(failed, OrderStatus.Pending, CancellationToken.None));
        Assert.Equal(failure, (await Store.GetAsync(order.Id, CancellationToken.None))!.Failure);

        var redriven = OrderSamples.Moved(failed, OrderStatus.Pending, Next());
        Assert.True(await Store.TrySaveStatusChangeAsync(redriven, OrderStatus.Failed, CancellationToken.None));

        var stored = await Store.GetAsync(order.Id, CancellationToken.None);
        Assert.Null(stored!.Failure);
        Assert.Equal([OrderStatus.Pending, OrderStatus.Failed, OrderStatus.Pending], stored.History.Select(h => h.Status));
    }

    [Fact]
    public async Task A_customers_orders_list_newest_first_in_pages_the_last_of_which_has_no_cursor()
    {
        var placed = new List<Order>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add(await AddedAsync("cust-pages"));
            await AddedAsync("cust-other");
        }

        var pages = await AllPagesAsync(OrderFilter.ForCustomer("cust-pages"), limit: 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Orders.Count));
        Assert.Null(pages[^1].NextCursor);
        Assert.Equal(placed.Select(o => o.Id).Reverse(), pages.SelectMany(p => p.Orders).Select(o => o.Id));
        // The API checks a cursor before the store sees it: every store's cursor is the domain's, naming the page's last order.
        Assert.All(pages[..^1], page =>
        {
            Assert.True(OrderCursor.TryRead(page.NextCursor, out var last));
            Assert.Equal(page.Orders[^1].Id, last);
        });
    }

    [Fact]
    public async Task A_page_that_ends_exactly_at_the_last_order_has_no_cursor()
    {
        await AddedAsync("cust-exact");
        await AddedAsync("cust-exact");

        var page = await Store.ListAsync(OrderFilter.ForCustomer("cust-exact"), 2, null, CancellationToken.None);

        Assert.Equal(2, page.Orders.Count);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task A_customer_without_orders_lists_an_empty_page()
    {
        var page = await Store.ListAsync(OrderFilter.ForCustomer("cust-none"), 10, null, CancellationToken.None);

        Assert.Empty(page.Orders);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task Listing_by_status_returns_only_orders_in_that_status_newest_first()
    {
        var pending = await AddedAsync("cust-1");
        var validating = await AddedAsync("cust-2");
        var laterPending = await AddedAsync("cust-2");
        Assert.True(await Store.TrySaveStatusChangeAsync(OrderSamples.Moved(validating, OrderStatus.Validating, Next()), OrderStatus.Pending, CancellationToken.None));

        var pages = await AllPagesAsync(new OrderFilter(Status: OrderStatus.Pending), limit: 1);

        Assert.Equal([laterPending.Id, pending.Id], pages.SelectMany(p => p.Orders).Select(o => o.Id));
    }

    [Fact]
    public async Task Many_orders_of_one_status_page_newest_first_and_the_oldest_pending_come_first_to_the_reconciler()
    {
        var orders = new List<Order>();
        for (var i = 0; i < 30; i++)
        {
            orders.Add(await AddedAsync($"cust-many-{i}"));
        }

        var pages = await AllPagesAsync(new OrderFilter(Status: OrderStatus.Pending), limit: 7);

        Assert.Equal(orders.Select(o => o.Id).Reverse(), pages.SelectMany(p => p.Orders).Select(o => o.Id));
        Assert.Equal([7, 7, 7, 7, 2], pages.Select(p => p.Orders.Count));
        Assert.Equal(orders.Take(12).Select(o => o.Id), await Store.ListPendingAsync(Next(), 12, CancellationToken.None));
    }

    [Fact]
    public async Task Listing_by_customer_and_status_applies_both()
    {
        var orders = new List<Order>();
        for (var i = 0; i < 6; i++)
        {
            orders.Add(await AddedAsync(i % 2 == 0 ? "cust-both" : "cust-else"));
        }
        // cust-both holds orders 0, 2, 4; move 2 on, so 4 and 0 stay PENDING.
        Assert.True(await Store.TrySaveStatusChangeAsync(OrderSamples.Moved(orders[2], OrderStatus.Validating, Next()), OrderStatus.Pending, CancellationToken.None));

        var pages = await AllPagesAsync(new OrderFilter("cust-both", OrderStatus.Pending), limit: 1);

        Assert.Equal([orders[4].Id, orders[0].Id], pages.SelectMany(p => p.Orders).Select(o => o.Id));
    }

    [Fact]
    public async Task Listing_without_a_filter_returns_every_order_newest_first()
    {
        var orders = new List<Order>();
        for (var i = 0; i < 5; i++)
        {
            orders.Add(await AddedAsync($"cust-{i % 2}"));
        }
        var failed = OrderSamples.Moved(orders[1], OrderStatus.Failed, Next(), new OrderFailure("ValidateOrder", OrderErrors.Invalid, "bad"));
        Assert.True(await Store.TrySaveStatusChangeAsync(failed, OrderStatus.Pending, CancellationToken.None));
        Assert.True(await Store.TrySaveStatusChangeAsync(OrderSamples.Moved(orders[3], OrderStatus.Validating, Next()), OrderStatus.Pending, CancellationToken.None));

        var pages = await AllPagesAsync(new OrderFilter(), limit: 2);

        Assert.Equal(orders.Select(o => o.Id).Reverse(), pages.SelectMany(p => p.Orders).Select(o => o.Id));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Orders.Count));
    }

    [Fact]
    public async Task Pending_orders_accepted_before_a_time_list_oldest_first_up_to_the_limit()
    {
        var first = await AddedAsync("cust-1");
        var second = await AddedAsync("cust-2");
        var moved = await AddedAsync("cust-3");
        var third = await AddedAsync("cust-1");
        var cutoff = Next();
        await AddedAsync("cust-1");
        Assert.True(await Store.TrySaveStatusChangeAsync(OrderSamples.Moved(moved, OrderStatus.Validating, Next()), OrderStatus.Pending, CancellationToken.None));

        Assert.Equal([first.Id, second.Id, third.Id], await Store.ListPendingAsync(cutoff, 10, CancellationToken.None));
        Assert.Equal([first.Id, second.Id], await Store.ListPendingAsync(cutoff, 2, CancellationToken.None));
        Assert.Empty(await Store.ListPendingAsync(first.CreatedAt, 10, CancellationToken.None));
    }

    /// <summary>Each call a minute after the last, so orders are created in a known order.</summary>
    protected DateTimeOffset Next() => OrderSamples.Start.AddMinutes(++minutes);

    private async Task<Order> AddedAsync(string customerId)
    {
        var order = OrderSamples.Placed(customerId, Next());
        await AddAsync(order);
        return order;
    }

    private async Task<List<OrderPage>> AllPagesAsync(OrderFilter filter, int limit)
    {
        var pages = new List<OrderPage>();
        string? cursor = null;
        do
        {
            var page = await Store.ListAsync(filter, limit, cursor, CancellationToken.None);
            pages.Add(page);
            cursor = page.NextCursor;
            Assert.True(pages.Count <= 20, "the listing never ended");
        }
        while (cursor is not null);
        return pages;
    }
}
