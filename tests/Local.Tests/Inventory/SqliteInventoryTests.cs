using StepOrders.Local.Data;
using StepOrders.Local.Inventory;
using StepOrders.Orders;

namespace StepOrders.Local.Tests.Inventory;

public sealed class SqliteInventoryTests : IAsyncLifetime
{
    private readonly TestDatabase _test = TestDatabase.Create();
    private readonly SqliteInventory _inventory;

    public SqliteInventoryTests() => _inventory = new SqliteInventory(_test.Database, _test.Clock);

    public async Task InitializeAsync()
    {
        await _inventory.SetAvailableAsync("A", 10, CancellationToken.None);
        await _inventory.SetAvailableAsync("B", 3, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task A_reservation_takes_every_line()
    {
        var outcome = await _inventory.ReserveAsync(NewOrder(), [new("A", 4, 1m), new("B", 3, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.Reserved(7), outcome);
        Assert.Equal((6, 0), (await AvailableAsync("A"), await AvailableAsync("B")));
    }

    [Fact]
    public async Task A_reservation_one_line_cannot_meet_takes_nothing()
    {
        var outcome = await _inventory.ReserveAsync(NewOrder(), [new("A", 4, 1m), new("B", 4, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.OutOfStock("B", 4, 3), outcome);
        Assert.Equal((10, 3), (await AvailableAsync("A"), await AvailableAsync("B")));
    }

    [Fact]
    public async Task A_sku_that_is_not_stocked_is_out_of_stock_with_none_available()
    {
        var outcome = await _inventory.ReserveAsync(NewOrder(), [new("NOPE", 1, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.OutOfStock("NOPE", 1, 0), outcome);
    }

    [Fact]
    public async Task Two_lines_of_one_sku_draw_on_one_stock_figure()
    {
        var outcome = await _inventory.ReserveAsync(NewOrder(), [new("B", 2, 1m), new("B", 2, 5m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.OutOfStock("B", 4, 3), outcome);
    }

    [Fact]
    public async Task Reserving_again_for_the_same_order_returns_the_first_reservation()
    {
        var order = NewOrder();
        await _inventory.ReserveAsync(order, [new("A", 4, 1m)], CancellationToken.None);

        var again = await _inventory.ReserveAsync(order, [new("A", 4, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.Reserved(4), again);
        Assert.Equal(6, await AvailableAsync("A"));
    }

    [Fact]
    public async Task Releasing_gives_the_stock_back_once()
    {
        var order = NewOrder();
        await _inventory.ReserveAsync(order, [new("A", 4, 1m), new("B", 1, 1m)], CancellationToken.None);

        var first = await _inventory.ReleaseAsync(order, CancellationToken.None);
        var second = await _inventory.ReleaseAsync(order, CancellationToken.None);

        Assert.Equal((true, false), (first, second));
        Assert.Equal((10, 3), (await AvailableAsync("A"), await AvailableAsync("B")));
    }

    [Fact]
    public async Task Releasing_an_order_that_reserved_nothing_changes_nothing()
    {
        Assert.False(await _inventory.ReleaseAsync(NewOrder(), CancellationToken.None));
    }

    [Fact]
    public async Task A_released_order_can_reserve_again()
    {
        var order = NewOrder();
        await _inventory.ReserveAsync(order, [new("A", 4, 1m)], CancellationToken.None);
        await _inventory.ReleaseAsync(order, CancellationToken.None);

        var again = await _inventory.ReserveAsync(order, [new("A", 4, 1m)], CancellationToken.None);

        Assert.Equal(new ReservationOutcome.Reserved(4), again);
        Assert.Equal(6, await AvailableAsync("A"));
    }

    [Fact]
    public async Task Competing_orders_never_take_more_than_is_available()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            _inventory.ReserveAsync(NewOrder(), [new("A", 1, 1m)], CancellationToken.None)));

        Assert.Equal(10, outcomes.Count(outcome => outcome is ReservationOutcome.Reserved));
        Assert.Equal(0, await AvailableAsync("A"));
    }

    [Fact]
    public async Task Stock_cannot_be_set_below_zero()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _inventory.SetAvailableAsync("A", -1, CancellationToken.None));
    }

    [Fact]
    public async Task Settling_marks_the_reservation_settled_and_never_released()
    {
        var order = NewOrder();
        await _inventory.ReserveAsync(order, [new("A", 4, 1m)], CancellationToken.None);

        await _inventory.SettleAsync(order, CancellationToken.None);
        await _inventory.ReleaseAsync(order, CancellationToken.None);

        Assert.Equal((true, false), await EndsAsync(_test.Database, order));
    }

    [Fact]
    public async Task A_data_folder_from_before_settling_opens_and_its_standing_reservations_settle()
    {
        var folder = new DataFolder(Directory.CreateTempSubdirectory("steporders-local-").FullName);
        try
        {
            var order = NewOrder();
            await using (var database = LocalDatabase.Open(folder))
            {
                var inventory = new SqliteInventory(database, _test.Clock);
                await inventory.SetAvailableAsync("A", 10, CancellationToken.None);
                await inventory.ReserveAsync(order, [new("A", 4, 1m)], CancellationToken.None);
            }
            // What the build before settling left: schema version 2, reservations without settled_at.
            using (var connection = LocalDatabase.OpenWriteConnection(folder.File(LocalDatabase.FileName)))
            using (var downgrade = connection.CreateCommand())
            {
                downgrade.CommandText = "ALTER TABLE reservations DROP COLUMN settled_at; PRAGMA user_version = 2;";
                downgrade.ExecuteNonQuery();
            }

            await using (var database = LocalDatabase.Open(folder))
            {
                var inventory = new SqliteInventory(database, _test.Clock);
                Assert.True(await inventory.SettleAsync(order, CancellationToken.None));
                Assert.False(await inventory.ReleaseAsync(order, CancellationToken.None));
                Assert.Equal(6, await inventory.GetAvailableAsync("A", CancellationToken.None));
                Assert.Equal((true, false), await EndsAsync(database, order));
            }
        }
        finally
        {
            Directory.Delete(folder.Path, recursive: true);
        }
    }

    private static async Task<(bool Settled, bool Released)> EndsAsync(LocalDatabase database, OrderId order)
    {
        await using var connection = await database.OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT settled_at IS NOT NULL, released_at IS NOT NULL FROM reservations WHERE order_id = @order";
        command.Parameters.AddWithValue("@order", order.Value);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        return (row.GetBoolean(0), row.GetBoolean(1));
    }

    private OrderId NewOrder() => OrderId.New(_test.Clock.GetUtcNow());

    private async Task<int> AvailableAsync(string sku) => (await _inventory.GetAvailableAsync(sku, CancellationToken.None))!.Value;
}
