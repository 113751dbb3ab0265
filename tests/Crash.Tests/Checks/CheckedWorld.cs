using StepOrders.Crash.Checks;
using StepOrders.Crash.Client;
using StepOrders.Crash.Schedule;
using StepOrders.Orders;

namespace StepOrders.Crash.Tests.Checks;

/// <summary>
/// What the checks read after a run, built by hand: one order placed, reserved, paid and completed, its execution
/// closed, all consistent. Each test breaks one thing and expects the checks to name it.
/// </summary>
internal sealed class CheckedWorld
{
    public const string OrderId = "ord_01JDQ9Z8Y7X6W5V4T3S2R1Q0PN";

    public CheckedWorld()
    {
        Plan = new OrderPlan(0, "crash-1-0", "crash-00", [new PlannedLine("SKU-1", 2, 5m)], TestCardNetwork.Approve);
        Ledger = new OrderLedger([Plan]);
        var at = DateTimeOffset.UtcNow;
        Ledger.Record(Plan, new Submission.Accepted(OrderId, at), at);
        Store.Orders[OrderId] = new StoredOrder(OrderId, Plan.CustomerId, OrderStatus.Completed, null, Plan.Lines);
        Store.History[OrderId] = [.. Enumerable.Range(0, 6).Select(seq => ((long)seq, (OrderStatus)seq))];
        Store.Captures[OrderId] = new StoredCapture(1, Refunded: false);
        Store.Reservations[OrderId] = false;
        Store.ReservationLines.Add((OrderId, "SKU-1", 2));
        Store.Stock["SKU-1"] = 98;
        Store.IdempotencyKeys[Plan.IdempotencyKey] = OrderId;
        Workflow.Executions[OrderId] = new StoredExecution(1, OrderId, "SUCCEEDED", 3,
            [new StoredEvent(1, 0, "ExecutionStarted"), new StoredEvent(2, 1, "TaskStateEntered"), new StoredEvent(3, 2, "ExecutionSucceeded")]);
        Api.Listed[OrderId] = new ListedOrder(OrderId, "COMPLETED", 6, null);
    }

    public OrderPlan Plan { get; }

    public OrderLedger Ledger { get; }

    public StoreSnapshot Store { get; } = new();

    public WorkflowSnapshot Workflow { get; } = new();

    public ApiSnapshot Api { get; } = new();

    public Dictionary<string, long> InitialStock { get; } = new(StringComparer.Ordinal) { ["SKU-1"] = 100 };

    public StoredOrder Order
    {
        get => Store.Orders[OrderId];
        set => Store.Orders[OrderId] = value;
    }

    public Verdict Check() => new InvariantChecks([Plan], Ledger, InitialStock, Store, Workflow, Api).Run();

    public IEnumerable<string> Broken() => Check().Violations.Select(violation => violation.Invariant).Distinct();
}
