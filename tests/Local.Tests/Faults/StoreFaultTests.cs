using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using StepOrders.Local.Data;
using StepOrders.Orders.Ports;

namespace StepOrders.Local.Tests.Faults;

/// <summary>The order store refusing writes: locked by another process past busy_timeout, or out of space.</summary>
public sealed class StoreFaultTests
{
    [Fact]
    public async Task An_order_sent_while_another_process_holds_the_write_lock_is_refused_with_503_and_nothing_is_kept()
    {
        await using var host = new FaultHost(new Dictionary<string, string> { ["Queue:PollerEnabled"] = "false" });
        var client = await host.ClientAsync();
        var database = host.Get<LocalDatabase>();
        var before = await CountAsync(database, "orders");

        HttpResponseMessage refused;
        await using (var other = new SqliteConnection($"Data Source={database.Path};Pooling=False"))
        {
            await other.OpenAsync();
            using var writeLock = other.BeginTransaction(deferred: false);
            // The host's writer waits busy_timeout (10 s) for the lock, then gives up.
            refused = await SendAsync(client, "locked-1");
        }

        await AssertUnavailableAsync(refused);
        Assert.Equal(before, await CountAsync(database, "orders"));
        Assert.Equal(before, await CountAsync(database, "queue_messages"));
        var again = await SendAsync(client, "locked-1");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(before + 1, await CountAsync(database, "orders"));
        Assert.Contains(host.Log.Entries, entry => entry.Exception is StoreUnavailableException { InnerException: SqliteException { SqliteErrorCode: 5 } });
    }

    [Fact]
    public async Task Orders_sent_while_the_database_is_full_are_refused_with_503_and_none_is_half_written()
    {
        await using var host = new FaultHost(new Dictionary<string, string> { ["Queue:PollerEnabled"] = "false" });
        var client = await host.ClientAsync();
        var database = host.Get<LocalDatabase>();
        // The writer's connection may grow the file no further (PRAGMA max_page_count is per connection).
        await database.Writer.WriteAsync(scope =>
        {
            var pages = (long)scope.Command("PRAGMA page_count").ExecuteScalar()!;
            return scope.Command($"PRAGMA max_page_count = {pages}").ExecuteScalar();
        }, CancellationToken.None);

        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 500 && refused is null; i++)
        {
            var response = await SendAsync(client, $"full-{i}");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted++;
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        await AssertUnavailableAsync(refused);
        await AssertWholeAsync(database);
        await database.Writer.WriteAsync(scope => scope.Command("PRAGMA max_page_count = 1073741823").ExecuteScalar(), CancellationToken.None);
        var again = await SendAsync(client, $"full-{accepted}");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        await AssertWholeAsync(database);
        Assert.Equal(accepted + 1, await CountAsync(database, "idempotency_keys"));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(FaultHost.OrderBody()) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(503, (int?)problem!["status"]);
        Assert.Contains("nothing was kept", (string?)problem["detail"], StringComparison.Ordinal);
    }

    /// <summary>Every order has its first history entry, its queue message and its key: the intake wrote all or nothing.</summary>
    private static async Task AssertWholeAsync(LocalDatabase database)
    {
        var orders = await CountAsync(database, "orders");
        Assert.Equal(orders, await CountAsync(database, "order_history"));
        Assert.Equal(orders, await CountAsync(database, "queue_messages"));
        Assert.Equal(orders, await CountAsync(database, "idempotency_keys"));
    }

    private static async Task<long> CountAsync(LocalDatabase database, string table)
    {
        await using var connection = await database.OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
