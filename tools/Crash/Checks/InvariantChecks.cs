using System.Text.Json.Nodes;
using StepOrders.Crash.Client;
using StepOrders.Crash.Schedule;
using StepOrders.Orders;

namespace StepOrders.Crash.Checks;

/// <summary>
/// The promises checked once the last host is quiet, from its SQLite files and its API: every order answered with
/// 201 is final and ended as its token and SKUs say; one order per key; history in allowed order; at most one
/// capture per order (one for COMPLETED, refunded or none for FAILED); stock of every FAILED order released and
/// stock conserved; one execution per order, none RUNNING, its event ids contiguous; dead letters accounted for.
/// </summary>
internal sealed class InvariantChecks(
    IReadOnlyList<OrderPlan> plans, OrderLedger ledger, IReadOnlyDictionary<string, long> initialStock,
    StoreSnapshot store, WorkflowSnapshot workflow, ApiSnapshot api)
{
    private readonly Verdict _verdict = new();

    public Verdict Run()
    {
        foreach (var finding in ledger.Findings)
        {
            _verdict.Add("client", finding);
        }
        var accepted = new Dictionary<string, OrderPlan>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            if (ledger.OrderIdOf(plan) is { } orderId)
            {
                accepted[orderId] = plan;
                CheckOrder(orderId, plan);
            }
            else
            {
                _verdict.Add("accepted", $"order #{plan.Number} (key {plan.IdempotencyKey}) never got a 201.");
            }
        }
        _verdict.Accepted = accepted.Count;
        foreach (var extra in store.Orders.Keys.Where(id => !accepted.ContainsKey(id)))
        {
            _verdict.Add("one order per key", $"order {extra} is stored but no key's 201 named it: a request placed twice.");
        }
        CheckStock();
        CheckExecutionsWithoutOrders(accepted);
        CheckQueue();
        return _verdict;
    }

    private void CheckOrder(string orderId, OrderPlan plan)
    {
        if (!store.Orders.TryGetValue(orderId, out var order))
        {
            _verdict.Lost++;
            _verdict.Add("accepted order kept", $"order {orderId} (key {plan.IdempotencyKey}) was answered 201 but is not in the store.");
            return;
        }
        if (!order.Status.IsFinal())
        {
            _verdict.Lost++;
            _verdict.Add("accepted order final", $"order {orderId} is {order.Status.ToWireName()}.");
        }
        if (order.Status == OrderStatus.Completed)
        {
            _verdict.Completed++;
        }
        else if (order.Status == OrderStatus.Failed)
        {
            _verdict.Failed++;
        }
        var expected = plan.Expected;
        if (order.Status.IsFinal() && (order.Status != expected.Status || order.FailureError != expected.Error))
        {
            _verdict.Add("outcome", $"order {orderId} ({plan.Token ?? "no token"}, {string.Join(' ', plan.Lines.Select(l => l.Sku))}) ended "
                + $"{order.Status.ToWireName()} {order.FailureError}; expected {expected.Status.ToWireName()} {expected.Error}.");
        }
        if (store.IdempotencyKeys.TryGetValue(plan.IdempotencyKey, out var keyed) && keyed != orderId)
        {
            _verdict.Add("one order per key", $"key {plan.IdempotencyKey} holds order {keyed}, but the client was answered {orderId}.");
        }
        CheckHistory(orderId, order);
        CheckPayment(orderId, order, plan);
        CheckReservation(orderId, order);
        CheckExecution(orderId, order);
        CheckApi(orderId, order);
    }

    private void CheckHistory(string orderId, StoredOrder order)
    {
        var history = store.History.GetValueOrDefault(orderId) ?? [];
        if (history.Count == 0 || history[0].Status != OrderStatus.Pending)
        {
            _verdict.Add("history", $"order {orderId}'s history does not start PENDING.");
            return;
        }
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Seq != i)
            {
                _verdict.Add("history", $"order {orderId}'s history has seq {history[i].Seq} at position {i}.");
                return;
            }
            if (i > 0 && !OrderLifecycle.CanMove(history[i - 1].Status, history[i].Status))
            {
                _verdict.Add("history", $"order {orderId} moved {history[i - 1].Status.ToWireName()} → {history[i].Status.ToWireName()}.");
            }
        }
        if (history[^1].Status != order.Status)
        {
            _verdict.Add("history", $"order {orderId} is {order.Status.ToWireName()} but its history ends {history[^1].Status.ToWireName()}.");
        }
    }

    private void CheckPayment(string orderId, StoredOrder order, OrderPlan plan)
    {
        var capture = store.Captures.GetValueOrDefault(orderId);
        if (capture is { Charges: > 1 })
        {
            _verdict.DoubleCaptures++;
            _verdict.Add("payment at most once", $"order {orderId} was charged {capture.Charges} times.");
        }
        switch (order.Status)
        {
            case OrderStatus.Completed when capture is null or { Refunded: true }:
                _verdict.Add("payment", $"order {orderId} is COMPLETED without a standing capture.");
                break;
            case OrderStatus.Failed when capture is { Refunded: false }:
                _verdict.Add("payment", $"order {orderId} is FAILED but its capture was not refunded.");
                break;
            case OrderStatus.Failed when capture is not null && plan.Token == TestCardNetwork.Decline:
                _verdict.Add("payment", $"order {orderId} was declined but has a capture.");
                break;
        }
    }

    private void CheckReservation(string orderId, StoredOrder order)
    {
        var reservation = store.Reservations.TryGetValue(orderId, out var released) ? released : (bool?)null;
        if (order.Status == OrderStatus.Failed && reservation is false)
        {
            _verdict.Add("stock released", $"order {orderId} is FAILED and still holds its reservation.");
        }
        if (order.Status == OrderStatus.Completed && reservation is not false)
        {
            _verdict.Add("stock reserved", $"order {orderId} is COMPLETED without a standing reservation.");
        }
    }

    private void CheckExecution(string orderId, StoredOrder order)
    {
        if (!workflow.Executions.TryGetValue(orderId, out var execution))
        {
            _verdict.StuckExecutions++;
            _verdict.Add("execution", $"order {orderId} has no execution.");
            return;
        }
        if (execution.Status == "RUNNING")
        {
            _verdict.StuckExecutions++;
            _verdict.Add("no execution RUNNING", $"execution {orderId} is still RUNNING.");
        }
        var expected = order.Status switch
        {
            OrderStatus.Completed => "SUCCEEDED",
            OrderStatus.Failed => "FAILED",
            _ => null,
        };
        if (expected is not null && execution.Status != expected)
        {
            _verdict.Add("execution", $"order {orderId} is {order.Status.ToWireName()} but its execution is {execution.Status}.");
        }
        var events = execution.Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Id != i + 1 || events[i].PreviousEventId >= events[i].Id)
            {
                _verdict.Add("event ids contiguous", $"execution {orderId}: event #{i + 1} has id {events[i].Id} (previous {events[i].PreviousEventId}).");
                return;
            }
        }
        if (events.Count == 0 || events[0].Type != "ExecutionStarted" || events.Count(e => e.Type == "ExecutionStarted") != 1)
        {
            _verdict.Add("event ids contiguous", $"execution {orderId} does not start with exactly one ExecutionStarted.");
        }
        if (execution.LastEventId != events.Count)
        {
            _verdict.Add("event ids contiguous", $"execution {orderId} says its last event is {execution.LastEventId} but has {events.Count}.");
        }
        if (ClosingEvent(execution.Status) is { } closing && events.Count > 0 && events[^1].Type != closing)
        {
            _verdict.Add("event ids contiguous", $"execution {orderId} is {execution.Status} but its history ends with {events[^1].Type}.");
        }
    }

    private void CheckApi(string orderId, StoredOrder order)
    {
        var history = store.History.GetValueOrDefault(orderId)?.Count ?? 0;
        if (!api.Listed.TryGetValue(orderId, out var listed))
        {
            _verdict.Add("api", $"order {orderId} is not in its customer's listing.");
            return;
        }
        if (listed.Status != order.Status.ToWireName() || listed.HistoryLength != history)
        {
            _verdict.Add("api", $"the API shows order {orderId} {listed.Status} with {listed.HistoryLength} history entries; the store has {order.Status.ToWireName()} with {history}.");
        }
        if (api.Fetched.TryGetValue(orderId, out var fetched) && workflow.Executions.TryGetValue(orderId, out var execution)
            && fetched.ExecutionStatus != execution.Status)
        {
            _verdict.Add("api", $"GET /orders/{orderId} shows its execution {fetched.ExecutionStatus}; the runtime has {execution.Status}.");
        }
    }

    /// <summary>Stock never below zero, and what is not available is exactly what standing reservations hold.</summary>
    private void CheckStock()
    {
        var held = store.ReservationLines
            .Where(line => store.Reservations.GetValueOrDefault(line.OrderId) is false)
            .GroupBy(line => line.Sku, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity), StringComparer.Ordinal);
        var sold = store.Orders.Values.Where(order => order.Status == OrderStatus.Completed)
            .SelectMany(order => order.Lines)
            .GroupBy(line => line.Sku, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (long)group.Sum(line => line.Quantity), StringComparer.Ordinal);
        foreach (var (sku, initial) in initialStock)
        {
            var available = store.Stock.GetValueOrDefault(sku);
            if (available < 0)
            {
                _verdict.Add("stock never negative", $"{sku} has {available} available.");
            }
            if (available + held.GetValueOrDefault(sku) != initial)
            {
                _verdict.Add("stock conserved", $"{sku}: {available} available + {held.GetValueOrDefault(sku)} reserved ≠ {initial} at the start.");
            }
            if (initial - available != sold.GetValueOrDefault(sku))
            {
                _verdict.Add("stock conserved", $"{sku}: {initial - available} units taken, but COMPLETED orders hold {sold.GetValueOrDefault(sku)}.");
            }
        }
    }

    private void CheckExecutionsWithoutOrders(Dictionary<string, OrderPlan> accepted)
    {
        foreach (var name in workflow.DuplicateNames)
        {
            _verdict.Add("one execution per order", $"two executions are named {name}.");
        }
        foreach (var execution in workflow.Executions.Values.Where(e => !accepted.ContainsKey(e.Name)))
        {
            _verdict.Add("one execution per order", $"execution {execution.Name} ({execution.Status}) belongs to no accepted order.");
        }
    }

    /// <summary>The queue drained; each dead letter names an order that reached a final status anyway (a spare delivery).</summary>
    private void CheckQueue()
    {
        if (store.QueuedMessages > 0)
        {
            _verdict.Add("queue drained", $"{store.QueuedMessages} messages are still in the queue.");
        }
        _verdict.DeadLetters = store.DeadLetters.Count;
        foreach (var letter in store.DeadLetters)
        {
            var orderId = (string?)JsonNode.Parse(letter.Body)?["orderId"];
            if (orderId is null || !store.Orders.TryGetValue(orderId, out var order) || !order.Status.IsFinal())
            {
                _verdict.Add("dead letters accounted for", $"dead letter {letter.Id} (received {letter.ReceiveCount} times) names {orderId ?? "no order"}, which is not final.");
            }
        }
    }

    private static string? ClosingEvent(string status) => status switch
    {
        "SUCCEEDED" => "ExecutionSucceeded",
        "FAILED" => "ExecutionFailed",
        "TIMED_OUT" => "ExecutionTimedOut",
        "ABORTED" => "ExecutionAborted",
        _ => null,
    };
}
