using StepOrders.Local.Inventory;
using StepOrders.Local.Orders;
using StepOrders.Local.Payments;
using StepOrders.Local.Queue;
using StepOrders.Local.Tests.Orders;
using StepOrders.Orders;
using StepOrders.Steps;

namespace StepOrders.Local.Tests.EndToEnd;

/// <summary>
/// The embedded runtime checkpoints between states lazily, so after a crash it may run a step again that had already
/// moved the order on. Steps over the SQLite adapters must take that in their stride.
/// </summary>
public sealed class ReplayedStepTests : IAsyncLifetime
{
    private readonly TestDatabase _test = TestDatabase.Create();
    private readonly SqliteOrderStore _store;
    private readonly SqliteInventory _inventory;
    private readonly SimulatedPaymentGateway _payments;
    private readonly OrderProgress _progress;

    public ReplayedStepTests()
    {
        _store = new SqliteOrderStore(_test.Database);
        _inventory = new SqliteInventory(_test.Database, _test.Clock);
        _payments = new SimulatedPaymentGateway(_test.Database, _test.Clock);
        _progress = new OrderProgress(_store, _test.Clock);
    }

    public Task InitializeAsync() => _inventory.SetAvailableAsync("SKU-1", 10, CancellationToken.None);

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task A_step_replayed_after_the_order_moved_on_succeeds_and_changes_nothing()
    {
        var order = await PlaceAsync();
        await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), CancellationToken.None);
        await new CheckInventory(_progress, _inventory).HandleAsync(new(order.Id.Value), CancellationToken.None);
        await new ProcessPayment(_progress, _payments).HandleAsync(new(order.Id.Value, 0), CancellationToken.None);

        var replayed = await new CheckInventory(_progress, _inventory).HandleAsync(new(order.Id.Value), CancellationToken.None);
        var payment = await new ProcessPayment(_progress, _payments).HandleAsync(new(order.Id.Value, 0), CancellationToken.None);

        Assert.Null(replayed.Error);
        Assert.Null(payment.Error);
        var stored = await _store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.PaymentProcessing, stored!.Status);
        Assert.Equal(4, stored.History.Count);
        Assert.Equal(8, await _inventory.GetAvailableAsync("SKU-1", CancellationToken.None));
        Assert.Equal(1, await _payments.CountCapturesAsync(order.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_step_replayed_after_the_order_failed_fails_again_with_the_orders_own_error()
    {
        var order = await PlaceAsync();
        await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), CancellationToken.None);
        await new MarkOrderFailed(_progress, _inventory, _payments)
            .HandleAsync(new(order.Id.Value, OrderErrors.OutOfStock, "SKU-1: 5 requested, 0 available."), CancellationToken.None);

        var replayed = await new CheckInventory(_progress, _inventory).HandleAsync(new(order.Id.Value), CancellationToken.None);

        Assert.Equal(new StepError(OrderErrors.OutOfStock, "SKU-1: 5 requested, 0 available."), replayed.Error);
        Assert.Equal(10, await _inventory.GetAvailableAsync("SKU-1", CancellationToken.None));
    }

    private async Task<Order> PlaceAsync()
    {
        var order = TestOrders.Place(_test.Clock.GetUtcNow());
        await new SqliteOrderIntake(_test.Database, new QueueArrivals(), _test.Clock).AcceptAsync(order, null, CancellationToken.None);
        return order;
    }
}
