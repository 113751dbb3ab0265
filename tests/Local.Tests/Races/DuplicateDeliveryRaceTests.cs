using Microsoft.Extensions.Logging;
using StepOrders.Local.Tests.Faults;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Steps;

namespace StepOrders.Local.Tests.Races;

public sealed class DuplicateDeliveryRaceTests
{
    private static readonly (string Token, string Sku, string Status)[] Mix =
    [
        ("tok_approve", "SKU-1", "COMPLETED"),
        ("tok_flaky", "SKU-2", "COMPLETED"),
        ("tok_decline", "SKU-3", "FAILED"),
        ("tok_approve", "SKU-OUT", "FAILED"),
    ];

    [Fact]
    public async Task Every_message_delivered_two_or_three_times_starts_one_execution_per_order_and_charges_once()
    {
        DuplicatingQueue? queue = null;
        await using var host = new FaultHost(
            new Dictionary<string, string> { ["Queue:WaitTime"] = "00:00:00.200" },
            wrapQueue: inner => queue = new DuplicatingQueue(inner, seed: 9));
        var client = await host.ClientAsync();

        var orders = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
            (Id: await FaultHost.PlaceAsync(client, Mix[i % Mix.Length].Token, Mix[i % Mix.Length].Sku), Expected: Mix[i % Mix.Length])));
        await Task.WhenAll(orders.Select(order => host.ClosedAsync(order.Id)));
        await UntilAsync(() => Starts(host, "AlreadyStarted") >= queue!.CopiesMade);

        foreach (var (id, expected) in orders)
        {
            var audit = await OrderAudit.ReadAsync(host, client, id);
            Assert.Equal(expected.Status, audit.Status);
            Assert.Equal(1, audit.ExecutionsStarted);
            Assert.Equal(expected.Status == "COMPLETED" ? 1 : 0, audit.Charges);
            if (expected.Status == "FAILED")
            {
                Assert.True(audit.ReservationReleased is null or true, $"{id} failed and kept its stock.");
            }
        }
        Assert.Equal(16, Starts(host, "Started"));
        Assert.Equal(queue!.CopiesMade, Starts(host, "AlreadyStarted"));
        Assert.InRange(queue.CopiesMade, 16, 32);
    }

    [Fact]
    public async Task Two_starters_racing_on_one_order_start_one_execution()
    {
        await using var host = new FaultHost(new Dictionary<string, string> { ["Queue:PollerEnabled"] = "false" });
        var client = await host.ClientAsync();
        var workflow = host.Get<IOrderWorkflow>();
        var orders = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => FaultHost.PlaceAsync(client, "tok_flaky")));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var races = orders.Select(id => Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await gate.Task;
            return await workflow.StartAsync(id, new OrderWorkflowInput(id), CancellationToken.None);
        }))).ToList();
        gate.SetResult();
        var starts = await Task.WhenAll(races);
        await Task.WhenAll(orders.Select(id => host.ClosedAsync(id)));

        Assert.All(starts, pair => Assert.Equal([WorkflowStart.Started, WorkflowStart.AlreadyStarted], pair.Order()));
        foreach (var id in orders)
        {
            var audit = await OrderAudit.ReadAsync(host, client, id);
            Assert.Equal(("COMPLETED", 1L, 1), (audit.Status, audit.Charges, audit.ExecutionsStarted));
        }
    }

    private static int Starts(FaultHost host, string outcome) =>
        host.Log.Entries.Count(entry => entry.Level == LogLevel.Information && entry.Category == typeof(StartOrderWorkflow).FullName
            && entry.Message.EndsWith($": {outcome}", StringComparison.Ordinal));

    /// <summary>The starter's last log lines come after the executions close; there is no event for them.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
