using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Sqs;
using StepOrders.Aws.Tests.Contracts;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.DynamoDb;

[Collection(StandinsCollection.Name)]
public sealed class DynamoDbOrderStoreContract(DynaliteFixture dynalite) : OrderStoreContract
{
    private DynamoDbOrderStore? store;

    protected override async Task<IOrderStore> CreateStoreAsync() =>
        store = new DynamoDbOrderStore(dynalite.Client, await dynalite.CreateTablesAsync());

    protected override async Task AddAsync(Order order) => Assert.True(await store!.TryInsertAsync(order, CancellationToken.None));
}

[Collection(StandinsCollection.Name)]
public sealed class DynamoDbInventoryContract(DynaliteFixture dynalite) : InventoryContract
{
    protected override async Task<IInventory> CreateInventoryAsync() =>
        new DynamoDbInventory(dynalite.Client, await dynalite.CreateTablesAsync());
}

[Collection(StandinsCollection.Name)]
public sealed class DynamoDbPaymentGatewayContract(DynaliteFixture dynalite) : PaymentGatewayContract
{
    protected override async Task<IPaymentGateway> CreateGatewayAsync() =>
        new DynamoDbPaymentGateway(dynalite.Client, await dynalite.CreateTablesAsync());
}

/// <summary>The AWS intake: DynamoDB for the order and the key, SQS for the message.</summary>
[Collection(StandinsCollection.Name)]
public sealed class DynamoDbOrderIntakeContract(DynaliteFixture dynalite, FauxqsFixture fauxqs) : OrderIntakeContract
{
    protected override async Task<(IOrderIntake Intake, IOrderStore Store, IOrderQueue Queue)> CreateAsync()
    {
        var tables = await dynalite.CreateTablesAsync();
        var store = new DynamoDbOrderStore(dynalite.Client, tables);
        var queue = new SqsOrderQueue(fauxqs.Client, await fauxqs.CreateQueuesAsync(maxReceiveCount: 5));
        var intake = new DynamoDbOrderIntake(dynalite.Client, tables, store, queue, Clock, NullLogger<DynamoDbOrderIntake>.Instance);
        return (intake, store, queue);
    }
}
