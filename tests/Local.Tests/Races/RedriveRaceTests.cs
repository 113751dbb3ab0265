using System.Net;
using StepOrders.Local.Tests.Faults;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Steps;

namespace StepOrders.Local.Tests.Races;

public sealed class RedriveRaceTests
{
    [Fact]
    public async Task Redrives_racing_each_other_and_a_redelivered_start_complete_the_order_once()
    {
        await using var host = new FaultHost(new Dictionary<string, string> { ["Queue:PollerEnabled"] = "false" });
        var client = await host.ClientAsync();
        var workflow = host.Get<IOrderWorkflow>();
        var orderId = await FaultHost.PlaceAsync(client, sku: "SKU-OUT", quantity: 2);
        await workflow.StartAsync(orderId, new OrderWorkflowInput(orderId), CancellationToken.None);
        await host.ClosedAsync(orderId);
        var inventory = host.Get<IInventory>();
        await inventory.SetAvailableAsync("SKU-OUT", 5, CancellationToken.None);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var redrives = Enumerable.Range(0, 3).Select(async _ =>
        {
            await gate.Task;
            return (await client.PostAsync($"/admin/executions/{orderId}/redrive", null)).StatusCode;
        }).ToList();
        var restart = Task.Run(async () =>
        {
            await gate.Task;
            return await host.Get<StartOrderWorkflow>().HandleAsync(
                [new QueueMessage("1", $$"""{"orderId":"{{orderId}}"}""", "1.1", 2, DateTimeOffset.UtcNow)], CancellationToken.None);
        });
        gate.SetResult();
        var answers = await Task.WhenAll(redrives);
        var unhandled = await restart;
        await host.ClosedAsync(orderId, closings: 2);

        Assert.Contains(HttpStatusCode.Accepted, answers);
        Assert.All(answers, status => Assert.True(status is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"a redrive answered {status}"));
        Assert.Empty(unhandled);
        var audit = await OrderAudit.ReadAsync(host, client, orderId);
        Assert.Equal(("COMPLETED", 1L, 1, 1), (audit.Status, audit.Charges, audit.ExecutionsStarted, audit.Redrives));
        Assert.Equal(3, await inventory.GetAvailableAsync("SKU-OUT", CancellationToken.None));
    }
}
