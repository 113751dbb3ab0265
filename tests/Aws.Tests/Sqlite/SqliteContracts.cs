using Microsoft.Extensions.Time.Testing;
using StepOrders.Aws.Tests.Contracts;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.Sqlite;

public sealed class SqliteOrderStoreContract : OrderStoreContract
{
    private readonly LocalAdapters local = LocalAdapters.Create(new FakeTimeProvider(OrderSamples.Start));

    protected override Task<IOrderStore> CreateStoreAsync() => Task.FromResult(local.Store);

    protected override async Task AddAsync(Order order) =>
        Assert.IsType<IntakeResult.Accepted>(await local.Intake.AcceptAsync(order, null, CancellationToken.None));

    public override async Task DisposeAsync() => await local.DisposeAsync();
}

public sealed class SqliteInventoryContract : InventoryContract
{
    private readonly LocalAdapters local = LocalAdapters.Create(new FakeTimeProvider(OrderSamples.Start));

    protected override Task<IInventory> CreateInventoryAsync() => Task.FromResult(local.Inventory);

    public override async Task DisposeAsync() => await local.DisposeAsync();
}

public sealed class SqlitePaymentGatewayContract : PaymentGatewayContract
{
    private readonly LocalAdapters local = LocalAdapters.Create(new FakeTimeProvider(OrderSamples.Start));

    protected override Task<IPaymentGateway> CreateGatewayAsync() => Task.FromResult(local.Payments);

    public override async Task DisposeAsync() => await local.DisposeAsync();
}

public sealed class SqliteOrderIntakeContract : OrderIntakeContract
{
    private LocalAdapters? local;

    protected override Task<(IOrderIntake Intake, IOrderStore Store, IOrderQueue Queue)> CreateAsync()
    {
        local = LocalAdapters.Create(Clock);
        return Task.FromResult((local.Intake, local.Store, local.Queue));
    }

    public override async Task DisposeAsync() => await local!.DisposeAsync();
}

/// <summary>The SQLite queue keeps time by the fake clock, so letting time pass is advancing it.</summary>
public sealed class SqliteOrderQueueContract : OrderQueueContract, IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(OrderSamples.Start);
    private readonly List<LocalAdapters> hosts = [];

    protected override Task<IOrderQueue> CreateQueueAsync(int maxReceiveCount)
    {
        var local = LocalAdapters.Create(clock, maxReceiveCount);
        hosts.Add(local);
        return Task.FromResult(local.Queue);
    }

    protected override Task PassAsync(TimeSpan span)
    {
        clock.Advance(span);
        return Task.CompletedTask;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }
}
