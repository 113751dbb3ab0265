using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using StepOrders.Local.Data;
using StepOrders.Orders;

namespace StepOrders.Local.Tests.Host;

public sealed class CrashRecoveryTests : IDisposable
{
    private const string ApiKey = "crash-test-key";
    private readonly string _data = Directory.CreateTempSubdirectory("steporders-crash-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Orders_cut_off_by_a_kill_reach_a_final_status_after_a_restart_and_no_payment_is_taken_twice()
    {
        // Redelivery after 2 s rather than 30, so messages a killed poller held come back within the test.
        string[] settings = ["--Queue:VisibilityTimeout", "00:00:02"];
        var orders = new List<(string Id, string Token, string Sku)>();
        await using (var first = await HostProcess.StartAsync(_data, ApiKey, settings))
        {
            using var client = first.Client(ApiKey);
            var tokens = new[] { TestCardNetwork.Approve, TestCardNetwork.Flaky, TestCardNetwork.Decline, TestCardNetwork.Flaky };
            var placing = Enumerable.Range(0, 80).Select(async i =>
            {
                var (token, sku) = (tokens[i % tokens.Length], i % 10 == 9 ? "SKU-OUT" : $"SKU-{1 + (i % 9)}");
                return (await PlaceAsync(client, sku, token), token, sku);
            });
            orders.AddRange(await Task.WhenAll(placing));

            // Kill once the workflows are under way and some are not finished (flaky payments wait to retry).
            await UntilAsync(async () =>
            {
                var statuses = await StatusesAsync(client);
                return statuses.Any(s => s is "COMPLETED" or "FAILED") && statuses.Any(s => s is not ("COMPLETED" or "FAILED"));
            }, first);
            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(_data, ApiKey, settings);
        using var restarted = second.Client(ApiKey);
        await UntilAsync(async () => (await StatusesAsync(restarted)).All(s => s is "COMPLETED" or "FAILED"), second);

        var final = new Dictionary<string, JsonObject>();
        foreach (var (id, _, _) in orders)
        {
            final[id] = (await restarted.GetFromJsonAsync<JsonObject>(new Uri($"/orders/{id}", UriKind.Relative)))!;
        }
        foreach (var (id, token, sku) in orders)
        {
            var expected = token == TestCardNetwork.Decline || sku == "SKU-OUT" ? "FAILED" : "COMPLETED";
            Assert.True(expected == (string?)final[id]["status"], $"{token} {sku} should be {expected}: {final[id].ToJsonString()}");
        }
        var charges = await ChargesAsync();
        Assert.All(charges.Values, count => Assert.Equal(1, count));
        Assert.Equal(
            orders.Where(o => (string?)final[o.Id]["status"] == "COMPLETED").Select(o => o.Id).Order(),
            charges.Keys.Order());
    }

    private static async Task<string> PlaceAsync(HttpClient client, string sku, string token)
    {
        var response = await client.PostAsJsonAsync(new Uri("/orders", UriKind.Relative), new
        {
            customerId = "crash",
            items = new[] { new { sku, quantity = 1, unitPrice = 5m } },
            currency = "EUR",
            shippingAddress = new { name = "Ada", line1 = "1 Way", city = "London", postalCode = "N1", country = "GB" },
            paymentToken = token,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!;
    }

    private static async Task<List<string>> StatusesAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonObject>(new Uri("/customers/crash/orders?limit=100", UriKind.Relative));
        return [.. page!["orders"]!.AsArray().Select(order => (string)order!["status"]!)];
    }

    /// <summary>Polls a child process's state: there is no event to await across processes. Gives up after a minute.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, HostProcess host)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting. Host output:\n{host.Output}");
            await Task.Delay(20);
        }
    }

    private async Task<Dictionary<string, long>> ChargesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, LocalDatabase.FileName)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT order_id, charges FROM captures";
        await using var reader = await command.ExecuteReaderAsync();
        var charges = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            charges.Add(reader.GetString(0), reader.GetInt64(1));
        }
        return charges;
    }
}
