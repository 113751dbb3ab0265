using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Steps;
using StepOrders.Workflow.History;

namespace StepOrders.Local.Tests.EndToEnd;

/// <summary>The host with its queue poller off, so the test hands queue messages to the starter itself.</summary>
public sealed class HostWithoutPoller() : LocalHost(new Dictionary<string, string> { ["Queue:PollerEnabled"] = "false" });

public sealed class DuplicateDeliveryTests(HostWithoutPoller host) : IClassFixture<HostWithoutPoller>
{
    [Fact]
    public async Task A_message_delivered_twice_starts_one_execution()
    {
        var client = await host.ClientAsync();
        var orderId = await PlaceAsync(client);
        var queue = host.Get<IOrderQueue>();
        var starter = host.Get<StartOrderWorkflow>();
        await queue.SendAsync(new OrderQueued(orderId), CancellationToken.None);
        var both = await queue.ReceiveAsync(10, TimeSpan.FromMinutes(1), TimeSpan.Zero, CancellationToken.None);

        var failedTogether = await Task.WhenAll(both.Select(message => starter.HandleAsync([message], CancellationToken.None)));
        var execution = await host.ClosedAsync(orderId);
        var failedAfter = await starter.HandleAsync(both, CancellationToken.None);

        Assert.Equal(2, both.Count);
        Assert.All(failedTogether, Assert.Empty);
        Assert.Empty(failedAfter);
        var history = await host.Runtime.GetExecutionHistoryAsync(execution.ExecutionArn, maxResults: 1000);
        Assert.Single(history.Events, e => e.Type == HistoryEventType.ExecutionStarted);
        Assert.Single(history.Events, e => e.Type == HistoryEventType.ExecutionSucceeded);
        Assert.Equal(1, await host.Get<IPaymentGateway>().CountCapturesAsync(OrderId.Parse(orderId), CancellationToken.None));
    }

    [Fact]
    public async Task A_message_that_is_not_an_order_is_left_for_the_dead_letters()
    {
        var queue = host.Get<IOrderQueue>();
        await host.ClientAsync();
        await queue.SendAsync(new OrderQueued("not-an-order"), CancellationToken.None);
        var messages = await queue.ReceiveAsync(10, TimeSpan.FromMinutes(1), TimeSpan.Zero, CancellationToken.None);

        var failed = await host.Get<StartOrderWorkflow>().HandleAsync(messages, CancellationToken.None);

        Assert.Equal(messages.Where(m => m.Body.Contains("not-an-order", StringComparison.Ordinal)).Select(m => m.MessageId), failed);
    }

    private static async Task<string> PlaceAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/orders", new
        {
            customerId = "twice",
            items = new[] { new { sku = "SKU-1", quantity = 1, unitPrice = 1m } },
            currency = "EUR",
            shippingAddress = new { name = "Ada", line1 = "1 Way", city = "London", postalCode = "N1", country = "GB" },
        });
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!;
    }
}
