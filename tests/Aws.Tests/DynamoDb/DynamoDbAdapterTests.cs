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
