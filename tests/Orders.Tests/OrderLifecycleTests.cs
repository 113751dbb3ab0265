using StepOrders.Orders;

namespace StepOrders.Orders.Tests;

public class OrderLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Order NewOrder()
    {
        var draft = OrderRules.Validate(OrderRulesTests.ValidRequest()).Draft!;
        return Order.Place(draft, OrderId.New(Now), Now);
    }

    [Fact]
    public void The_happy_path_moves_one_status_at_a_time_and_records_each()
    {
        var order = NewOrder();
        OrderStatus[] path = [OrderStatus.Validating, OrderStatus.InventoryCheck, OrderStatus.PaymentProcessing, OrderStatus.Fulfillment, OrderStatus.Completed];

        foreach (var status in path)
        {
            order = order.MoveTo(status, Now, status.ToWireName()).Next!;
        }

        Assert.Equal([OrderStatus.Pending, .. path], order.History.Select(h => h.Status));
    }

    [Fact]
    public void Skipping_a_status_is_refused_with_a_reason()
    {
        var result = NewOrder().MoveTo(OrderStatus.PaymentProcessing, Now, "skip");

        Assert.False(result.IsMoved);
        Assert.Contains("PENDING to PAYMENT_PROCESSING", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_completed_order_can_no_longer_fail()
    {
        Assert.False(OrderLifecycle.CanMove(OrderStatus.Completed, OrderStatus.Failed));
    }

    [Fact]
    public void Failing_records_the_failure_and_going_back_to_pending_clears_it()
    {
        var failure = new OrderFailure("CheckInventory", OrderErrors.OutOfStock, "SKU-OUT: 1 requested, 0 available.");
        var failed = NewOrder().MoveTo(OrderStatus.Failed, Now, "failed", failure).Next!;

        var redriven = failed.MoveTo(OrderStatus.Pending, Now, "redriven").Next!;

        Assert.Equal(failure, failed.Failure);
        Assert.Null(redriven.Failure);
    }

    [Fact]
    public void The_total_adds_every_line()
    {
        var order = NewOrder() with { Lines = [new OrderLine("A", 2, 1.25m), new OrderLine("B", 3, 10m)] };

        Assert.Equal(new Money(32.50m, "EUR"), order.Total);
    }

    [Fact]
    public void Status_names_on_the_wire_round_trip()
    {
        foreach (var status in OrderLifecycle.All)
        {
            Assert.True(OrderLifecycle.TryParseWireName(status.ToWireName(), out var parsed));
            Assert.Equal(status, parsed);
        }
        Assert.Equal("INVENTORY_CHECK", System.Text.Json.JsonSerializer.Serialize(OrderStatus.InventoryCheck).Trim('"'));
    }
}
