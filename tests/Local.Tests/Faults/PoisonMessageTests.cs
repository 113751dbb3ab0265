using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StepOrders.Local.Data;
using StepOrders.Local.Queue;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Workflow;

namespace StepOrders.Local.Tests.Faults;

public sealed class PoisonMessageTests
{
    [Fact]
    public async Task A_message_no_starter_can_handle_is_dead_lettered_after_maxReceiveCount_with_a_log_line_while_orders_flow()
    {
        await using var host = new FaultHost(new Dictionary<string, string>
        {
            ["Queue:VisibilityTimeout"] = "00:00:00.200",
            ["Queue:MaxReceiveCount"] = "3",
        });
        var client = await host.ClientAsync();
        var database = host.Get<LocalDatabase>();
        await database.Writer.WriteAsync(scope =>
        {
            SqliteOrderQueue.Enqueue(scope, "{{{ not json", DateTimeOffset.UtcNow);
            return true;
        }, CancellationToken.None);
        await host.Get<IOrderQueue>().SendAsync(new OrderQueued("not-an-order"), CancellationToken.None);
        var orderId = await FaultHost.PlaceAsync(client);

        var execution = await host.ClosedAsync(orderId);
        var poison = await PoisonLettersAsync(client, host.Log);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.All(poison, letter => Assert.Equal(3, (int?)letter["receiveCount"]));
        foreach (var letter in poison)
        {
            Assert.Contains(host.Log.Entries, entry => entry.Level == LogLevel.Warning
                && entry.Message.Contains($"Queue message {letter["messageId"]} was received 3 times", StringComparison.Ordinal)
                && entry.Message.Contains("moved it to the dead-letter queue", StringComparison.Ordinal));
        }
        Assert.Equal(6, host.Log.Entries.Count(entry => entry.Message.Contains("is not an order message", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The two poison messages once both are dead letters and logged, polled from the admin listing: dead-lettering
    /// happens on a receive after the last visibility timeout, with no event to await. (A good message whose start
    /// outlasted the short visibility timeout may be dead-lettered too, as SQS would; its order completes all the same.)
    /// </summary>
    private static async Task<List<JsonObject>> PoisonLettersAsync(HttpClient client, RecordedLog log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var listing = await client.GetFromJsonAsync<JsonObject>("/admin/dead-letters");
            var poison = listing!["deadLetters"]!.AsArray().OfType<JsonObject>()
                .Where(letter => !((string?)letter["body"])!.Contains("ord_", StringComparison.Ordinal))
                .ToList();
            var logged = log.Entries.Count(entry => entry.Message.Contains("moved it to the dead-letter queue", StringComparison.Ordinal));
            if ((poison.Count == 2 && logged >= 2) || DateTime.UtcNow > deadline)
            {
                Assert.Equal(2, poison.Count);
                return poison;
            }
            await Task.Delay(50);
        }
    }
}
