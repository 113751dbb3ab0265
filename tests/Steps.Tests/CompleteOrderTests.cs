using StepOrders.Orders;

namespace StepOrders.Steps.Tests;

public sealed class CompleteOrderTests
{
    private readonly InMemoryShop _shop = new();
    private readonly OrderProgress _progress;

    public CompleteOrderTests()
    {
        _progress = new OrderProgress(_shop, _shop.Clock);
        _shop.SetAvailableAsync("SKU-1", 10, CancellationToken.None).Wait();
    }

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Completing_an_order_settles_its_reserved_stock()
    {
        var order = await ThroughFulfillmentAsync();

        var outcome = await new CompleteOrder(_progress, _shop).HandleAsync(new(order.Id.Value), Ct);

        Assert.Equal("COMPLETED", outcome.Output!.Status);
        Assert.True(_shop.IsSettled(order.Id));
        Assert.Equal(8, await _shop.GetAvailableAsync("SKU-1", Ct));
    }

    [Fact]
    public async Task A_completed_order_s_stock_is_not_given_back_when_the_failure_path_runs_after_it()
    {
        var order = await ThroughFulfillmentAsync();
        await new CompleteOrder(_progress, _shop).HandleAsync(new(order.Id.Value), Ct);

        // The step timed out after its write, every retry too, and the Catch ran MarkOrderFailed.
        await new MarkOrderFailed(_progress, _shop, _shop).HandleAsync(new(order.Id.Value, "States.Timeout", "CompleteOrder timed out."), Ct);

        Assert.False(await _shop.ReleaseAsync(order.Id, Ct));
        Assert.Equal(8, await _shop.GetAvailableAsync("SKU-1", Ct));
        Assert.Equal(OrderStatus.Completed, _shop[order.Id].Status);
    }

    [Fact]
    public async Task A_retry_of_the_step_finds_the_order_completed_and_its_stock_settled()
    {
        var order = await ThroughFulfillmentAsync();
        var step = new CompleteOrder(_progress, _shop);
        await step.HandleAsync(new(order.Id.Value), Ct);

        var again = await step.HandleAsync(new(order.Id.Value), Ct);

        Assert.Equal("COMPLETED", again.Output!.Status);
        Assert.Single(_shop[order.Id].History, change => change.Status == OrderStatus.Completed);
        Assert.True(_shop.IsSettled(order.Id));
        Assert.Equal(8, await _shop.GetAvailableAsync("SKU-1", Ct));
    }

    [Fact]
    public async Task An_order_whose_stock_was_given_back_is_not_completed()
    {
        var order = await ThroughFulfillmentAsync();
        await _shop.ReleaseAsync(order.Id, Ct);

        var outcome = await new CompleteOrder(_progress, _shop).HandleAsync(new(order.Id.Value), Ct);

        Assert.Equal(OrderErrors.IllegalTransition, outcome.Error!.Error);
        Assert.Equal(OrderStatus.Fulfillment, _shop[order.Id].Status);
        Assert.Equal(10, await _shop.GetAvailableAsync("SKU-1", Ct));
    }

    private async Task<Order> ThroughFulfillmentAsync()
    {
        var order = _shop.Place();
        await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), Ct);
        await new CheckInventory(_progress, _shop).HandleAsync(new(order.Id.Value), Ct);
        await new ProcessPayment(_progress, _shop).HandleAsync(new(order.Id.Value, 0), Ct);
        await new PrepareFulfillment(_progress).HandleAsync(new(order.Id.Value), Ct);
        return _shop[order.Id];
    }
}
