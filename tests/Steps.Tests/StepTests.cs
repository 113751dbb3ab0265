using System.Text.Json.Nodes;
using StepOrders.Orders;

namespace StepOrders.Steps.Tests;

public class StepTests
{
    private readonly InMemoryShop _shop = new();
    private readonly OrderProgress _progress;

    public StepTests()
    {
        _progress = new OrderProgress(_shop, _shop.Clock);
        _shop.SetAvailableAsync("SKU-1", 10, CancellationToken.None).Wait();
    }

    private static CancellationToken Ct => CancellationToken.None;

    private async Task<Order> RunThroughPaymentAsync(Order order, int attempt = 0)
    {
        await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), Ct);
        await new CheckInventory(_progress, _shop).HandleAsync(new(order.Id.Value), Ct);
        await new ProcessPayment(_progress, _shop).HandleAsync(new(order.Id.Value, attempt), Ct);
        return _shop[order.Id];
    }

    [Fact]
    public async Task ValidateOrder_moves_a_pending_order_to_validating()
    {
        var order = _shop.Place();

        var outcome = await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), Ct);

        Assert.Equal(20m, outcome.Output!.Total);
        Assert.Equal(OrderStatus.Validating, _shop[order.Id].Status);
    }

    [Fact]
    public async Task ValidateOrder_rejects_an_order_over_the_total_limit()
    {
        var order = _shop.Place(lines: new OrderLine("SKU-1", 1000, 150m));

        var outcome = await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), Ct);

        Assert.Equal(OrderErrors.Invalid, outcome.Error!.Error);
    }

    [Fact]
    public async Task A_step_run_twice_moves_the_order_once()
    {
        var order = _shop.Place();
        var step = new ValidateOrder(_progress);

        await step.HandleAsync(new(order.Id.Value), Ct);
        var again = await step.HandleAsync(new(order.Id.Value), Ct);

        Assert.Null(again.Error);
        Assert.Equal(2, _shop[order.Id].History.Count);
    }

    [Fact]
    public async Task A_step_out_of_order_fails_with_an_illegal_transition()
    {
        var order = _shop.Place();

        var outcome = await new ProcessPayment(_progress, _shop).HandleAsync(new(order.Id.Value, 0), Ct);

        Assert.Equal(OrderErrors.IllegalTransition, outcome.Error!.Error);
        Assert.Equal(OrderStatus.Pending, _shop[order.Id].Status);
    }

    [Fact]
    public async Task CheckInventory_names_the_sku_that_is_short()
    {
        var order = _shop.Place(lines: [new OrderLine("SKU-1", 1, 1m), new OrderLine("SKU-OUT", 2, 1m)]);
        await new ValidateOrder(_progress).HandleAsync(new(order.Id.Value), Ct);

        var outcome = await new CheckInventory(_progress, _shop).HandleAsync(new(order.Id.Value), Ct);

        Assert.Equal(OrderErrors.OutOfStock, outcome.Error!.Error);
        Assert.Equal("SKU-OUT: 2 requested, 0 available.", outcome.Error.Cause);
        Assert.Equal(10, await _shop.GetAvailableAsync("SKU-1", Ct));
    }

    [Fact]
    public async Task A_declined_card_fails_payment_with_PaymentDeclined()
    {
        var order = _shop.Place(TestCardNetwork.Decline);

        await RunThroughPaymentAsync(order);
        var outcome = await new ProcessPayment(_progress, _shop).HandleAsync(new(order.Id.Value, 1), Ct);

        Assert.Equal(OrderErrors.PaymentDeclined, outcome.Error!.Error);
        Assert.Equal(0, _shop.ChargeCount);
    }

    [Theory]
    [InlineData(0, OrderErrors.Transient)]
    [InlineData(1, OrderErrors.Transient)]
    [InlineData(2, null)]
    public async Task A_flaky_card_fails_transiently_twice_then_succeeds(int attempt, string? error)
    {
        var fresh = _shop.Place(TestCardNetwork.Flaky);
        await new ValidateOrder(_progress).HandleAsync(new(fresh.Id.Value), Ct);
        await new CheckInventory(_progress, _shop).HandleAsync(new(fresh.Id.Value), Ct);

        var outcome = await new ProcessPayment(_progress, _shop).HandleAsync(new(fresh.Id.Value, attempt), Ct);

        Assert.Equal(error, outcome.Error?.Error);
    }

    [Fact]
    public async Task A_retried_payment_never_charges_twice()
    {
        var order = _shop.Place();
        await RunThroughPaymentAsync(order);

        var retry = await new ProcessPayment(_progress, _shop).HandleAsync(new(order.Id.Value, 1), Ct);

        Assert.Equal("pay_" + order.Id.Value, retry.Output!.PaymentId);
        Assert.Equal(1, _shop.ChargeCount);
    }

    [Fact]
    public async Task The_happy_path_completes_the_order_with_every_status_in_order()
    {
        var order = _shop.Place();
        await RunThroughPaymentAsync(order);

        var shipment = await new PrepareFulfillment(_progress).HandleAsync(new(order.Id.Value), Ct);
        await new CompleteOrder(_progress, _shop).HandleAsync(new(order.Id.Value), Ct);

        Assert.StartsWith("shp_", shipment.Output!.ShipmentId, StringComparison.Ordinal);
        Assert.Equal(
            [OrderStatus.Pending, OrderStatus.Validating, OrderStatus.InventoryCheck, OrderStatus.PaymentProcessing, OrderStatus.Fulfillment, OrderStatus.Completed],
            _shop[order.Id].History.Select(h => h.Status));
    }

    [Fact]
    public async Task Declined_payment_fails_the_order_and_releases_stock()
    {
        var order = _shop.Place(TestCardNetwork.Decline);
        await RunThroughPaymentAsync(order);

        var outcome = await new MarkOrderFailed(_progress, _shop, _shop)
            .HandleAsync(new(order.Id.Value, OrderErrors.PaymentDeclined, "Card declined."), Ct);

        var failed = _shop[order.Id];
        Assert.Equal(OrderStatus.Failed, failed.Status);
        Assert.Equal(new OrderFailure("ProcessPayment", OrderErrors.PaymentDeclined, "Card declined."), failed.Failure);
        Assert.True(outcome.Output!.StockReleased);
        Assert.False(outcome.Output.PaymentRefunded);
        Assert.Equal(10, await _shop.GetAvailableAsync("SKU-1", Ct));
    }

    [Fact]
    public async Task A_failure_after_payment_refunds_it_once_even_when_marked_twice()
    {
        var order = _shop.Place();
        await RunThroughPaymentAsync(order);
        var step = new MarkOrderFailed(_progress, _shop, _shop);

        await step.HandleAsync(new(order.Id.Value, "States.Timeout", "PrepareFulfillment timed out."), Ct);
        var again = await step.HandleAsync(new(order.Id.Value, "States.Timeout", "PrepareFulfillment timed out."), Ct);

        Assert.True(_shop.WasRefunded(order.Id));
        Assert.True(again.Output!.PaymentRefunded);
        Assert.Equal(10, await _shop.GetAvailableAsync("SKU-1", Ct));
        Assert.Single(_shop[order.Id].History, h => h.Status == OrderStatus.Failed);
        Assert.Contains("payment refunded", _shop[order.Id].History[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completed_order_caught_as_failed_keeps_its_payment_and_stock()
    {
        var order = _shop.Place();
        await RunThroughPaymentAsync(order);
        await new PrepareFulfillment(_progress).HandleAsync(new(order.Id.Value), Ct);
        await new CompleteOrder(_progress, _shop).HandleAsync(new(order.Id.Value), Ct);
        var available = await _shop.GetAvailableAsync("SKU-1", Ct);

        var outcome = await new MarkOrderFailed(_progress, _shop, _shop)
            .HandleAsync(new(order.Id.Value, "States.Timeout", "CompleteOrder timed out."), Ct);

        Assert.Equal(OrderErrors.IllegalTransition, outcome.Error!.Error);
        Assert.False(_shop.WasRefunded(order.Id));
        Assert.Equal(available, await _shop.GetAvailableAsync("SKU-1", Ct));
        Assert.Equal(OrderStatus.Completed, _shop[order.Id].Status);
    }

    [Fact]
    public async Task Steps_read_and_write_the_json_the_workflow_passes()
    {
        var order = _shop.Place();
        IWorkflowStep step = new ValidateOrder(_progress);

        var result = await step.InvokeAsync(JsonNode.Parse($$"""{"orderId":"{{order.Id}}"}"""), Ct);
        var bad = await step.InvokeAsync(JsonNode.Parse("""{"orderId":42}"""), Ct);

        Assert.Equal("ValidateOrder", step.Name);
        Assert.Equal(20m, result.Output!["total"]!.GetValue<decimal>());
        Assert.Equal(OrderErrors.Invalid, bad.Error!.Error);
    }

    [Fact]
    public async Task A_step_whose_store_is_unavailable_fails_transiently_so_the_workflow_retries_it()
    {
        var order = _shop.Place();
        IWorkflowStep step = new ValidateOrder(_progress);
        var input = JsonNode.Parse($$"""{"orderId":"{{order.Id}}"}""");

        _shop.StoreUnavailable = true;
        var refused = await step.InvokeAsync(input, Ct);
        _shop.StoreUnavailable = false;
        var retried = await step.InvokeAsync(input, Ct);

        Assert.Equal(OrderErrors.Transient, refused.Error!.Error);
        Assert.Contains("nothing was written", refused.Error.Cause, StringComparison.Ordinal);
        Assert.Null(retried.Error);
        Assert.Equal(OrderStatus.Validating, _shop[order.Id].Status);
    }

    [Fact]
    public async Task A_lambda_error_document_as_cause_is_recorded_as_its_message()
    {
        var order = _shop.Place();
        const string cause = """{"errorMessage":"SKU-OUT: 1 requested, 0 available.","errorType":"Order.OutOfStock","stackTrace":[]}""";

        await new MarkOrderFailed(_progress, _shop, _shop).HandleAsync(new(order.Id.Value, OrderErrors.OutOfStock, cause), Ct);

        Assert.Equal("SKU-OUT: 1 requested, 0 available.", _shop[order.Id].Failure!.Cause);
    }
}
