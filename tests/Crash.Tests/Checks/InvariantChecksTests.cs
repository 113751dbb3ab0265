using StepOrders.Crash.Checks;
using StepOrders.Orders;

namespace StepOrders.Crash.Tests.Checks;

public sealed class InvariantChecksTests
{
    private readonly CheckedWorld _world = new();

    [Fact]
    public void A_consistent_run_passes()
    {
        var verdict = _world.Check();

        Assert.Empty(verdict.Violations);
        Assert.Equal((1, 1, 0), (verdict.Accepted, verdict.Completed, verdict.Failed));
    }

    [Fact]
    public void An_accepted_order_missing_from_the_store_is_lost()
    {
        _world.Store.Orders.Clear();

        var verdict = _world.Check();

        Assert.Equal(1, verdict.Lost);
        Assert.Contains("accepted order kept", verdict.Violations.Select(v => v.Invariant));
    }

    [Fact]
    public void An_accepted_order_left_mid_workflow_is_lost()
    {
        _world.Order = _world.Order with { Status = OrderStatus.PaymentProcessing };
        _world.Store.History[CheckedWorld.OrderId].RemoveRange(4, 2);

        var verdict = _world.Check();

        Assert.Equal(1, verdict.Lost);
        Assert.Contains("accepted order final", verdict.Violations.Select(v => v.Invariant));
    }

    [Fact]
    public void A_second_charge_is_a_double_capture()
    {
        _world.Store.Captures[CheckedWorld.OrderId] = new StoredCapture(2, Refunded: false);

        var verdict = _world.Check();

        Assert.Equal(1, verdict.DoubleCaptures);
    }

    [Fact]
    public void A_failed_order_that_kept_its_stock_and_payment_is_found()
    {
        _world.Order = _world.Order with { Status = OrderStatus.Failed, FailureError = OrderErrors.Transient };
        _world.Store.History[CheckedWorld.OrderId][^1] = (5, OrderStatus.Failed);
        _world.Workflow.Executions[CheckedWorld.OrderId] = _world.Workflow.Executions[CheckedWorld.OrderId] with { Status = "FAILED" };

        var broken = _world.Broken();

        Assert.Contains("stock released", broken);
        Assert.Contains("payment", broken);
        Assert.Contains("outcome", broken);
    }

    [Fact]
    public void A_skipped_status_in_the_history_is_found()
    {
        _world.Store.History[CheckedWorld.OrderId].RemoveAt(3);

        Assert.Contains("history", _world.Broken());
    }

    [Fact]
    public void A_running_execution_is_stuck()
    {
        _world.Workflow.Executions[CheckedWorld.OrderId] = _world.Workflow.Executions[CheckedWorld.OrderId] with { Status = "RUNNING" };

        var verdict = _world.Check();

        Assert.Equal(1, verdict.StuckExecutions);
    }

    [Fact]
    public void A_gap_in_event_ids_is_found()
    {
        _world.Workflow.Executions[CheckedWorld.OrderId].Events.RemoveAt(1);

        Assert.Contains("event ids contiguous", _world.Broken());
    }

    [Fact]
    public void An_order_no_key_was_answered_with_is_a_request_placed_twice()
    {
        _world.Store.Orders["ord_01JDQ9Z8Y7X6W5V4T3S2R1Q0PP"] = _world.Order with { Id = "ord_01JDQ9Z8Y7X6W5V4T3S2R1Q0PP" };

        Assert.Contains("one order per key", _world.Broken());
    }

    [Fact]
    public void Stock_taken_by_nobody_is_not_conserved()
    {
        _world.Store.Stock["SKU-1"] = 97;

        Assert.Contains("stock conserved", _world.Broken());
    }

    [Fact]
    public void A_dead_letter_for_an_order_nothing_finished_is_not_accounted_for()
    {
        _world.Order = _world.Order with { Status = OrderStatus.Pending };
        _world.Store.DeadLetters.Add(new StoredDeadLetter(7, $$"""{"orderId":"{{CheckedWorld.OrderId}}"}""", 5));

        Assert.Contains("dead letters accounted for", _world.Broken());
    }

    [Fact]
    public void A_dead_letter_for_a_finished_order_is_a_spare_delivery()
    {
        _world.Store.DeadLetters.Add(new StoredDeadLetter(7, $$"""{"orderId":"{{CheckedWorld.OrderId}}"}""", 5));

        var verdict = _world.Check();

        Assert.Empty(verdict.Violations);
        Assert.Equal(1, verdict.DeadLetters);
    }
}
