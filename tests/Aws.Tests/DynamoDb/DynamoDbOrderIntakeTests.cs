using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Sqs;
using StepOrders.Aws.Tests.Contracts;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Orders;

namespace StepOrders.Aws.Tests.DynamoDb;

/// <summary>What the AWS intake does beyond the contract: the crash windows between its writes.</summary>
[Collection(StandinsCollection.Name)]
public sealed class DynamoDbOrderIntakeTests(DynaliteFixture dynalite, FauxqsFixture fauxqs)
{
    private readonly FakeTimeProvider clock = new(OrderSamples.Start);
    private DynamoDbTables tables = null!;

    [Fact]
    public async Task Accepting_the_same_order_twice_stores_and_queues_it_once()
    {
        var (intake, _, queue) = await CreateAsync();
        var order = OrderSamples.Placed("cust-1", clock.GetUtcNow());
        await intake.AcceptAsync(order, null, CancellationToken.None);

        var again = await intake.AcceptAsync(order, null, CancellationToken.None);

        Assert.Equal(new IntakeResult.Replayed(order.Id), again);
        Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromMinutes(5), TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_claim_and_order_writes_the_order_under_the_claimed_id()
    {
        var (intake, store, queue) = await CreateAsync();
        var claim = new IdempotencyClaim("key-owner-1", "key-1", "body-a", clock.GetUtcNow().AddHours(24));
        var lost = OrderId.New(clock.GetUtcNow());
        await dynalite.Client.PutItemAsync(new PutItemRequest { TableName = tables.Idempotency, Item = IdempotencyItem.ToItem(claim, lost) });

        var result = await intake.AcceptAsync(OrderSamples.Placed("cust-1", clock.GetUtcNow()), claim, CancellationToken.None);

        Assert.Equal(lost, Assert.IsType<IntakeResult.Accepted>(result).Order.Id);
        Assert.Equal(OrderStatus.Pending, (await store.GetAsync(lost, CancellationToken.None))!.Status);
        var message = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromMinutes(5), TimeSpan.Zero, CancellationToken.None));
        Assert.Contains(lost.Value, message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_whose_queue_send_fails_is_still_accepted_and_left_pending_for_the_reconciler()
    {
        tables = await dynalite.CreateTablesAsync();
        var store = new DynamoDbOrderStore(dynalite.Client, tables);
        var missingQueue = new SqsQueues(fauxqs.Client.Config.ServiceURL + "000000000000/no-such-queue", "unused", 5);
        var intake = new DynamoDbOrderIntake(dynalite.Client, tables, store, new SqsOrderQueue(fauxqs.Client, missingQueue), clock, NullLogger<DynamoDbOrderIntake>.Instance);
        var order = OrderSamples.Placed("cust-1", clock.GetUtcNow());

        Assert.IsType<IntakeResult.Accepted>(await intake.AcceptAsync(order, null, CancellationToken.None));

        Assert.Equal([order.Id], await store.ListPendingAsync(clock.GetUtcNow().AddSeconds(1), 10, CancellationToken.None));
    }

    private async Task<(DynamoDbOrderIntake Intake, DynamoDbOrderStore Store, SqsOrderQueue Queue)> CreateAsync()
    {
        tables = await dynalite.CreateTablesAsync();
        var store = new DynamoDbOrderStore(dynalite.Client, tables);
        var queue = new SqsOrderQueue(fauxqs.Client, await fauxqs.CreateQueuesAsync(maxReceiveCount: 5));
        return (new DynamoDbOrderIntake(dynalite.Client, tables, store, queue, clock, NullLogger<DynamoDbOrderIntake>.Instance), store, queue);
    }
}
