using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StepOrders.Local.Data;
using StepOrders.Local.Tests.Faults;

namespace StepOrders.Local.Tests.Races;

public sealed class IdempotencyKeyRaceTests
{
    [Fact]
    public async Task The_same_request_sent_ten_times_at_once_with_one_key_places_one_order_and_starts_one_execution()
    {
        await using var host = new FaultHost();
        var client = await host.ClientAsync();

        var answers = await SendAtOnceAsync(client, "same-key-1", Enumerable.Repeat(FaultHost.OrderBody(), 10));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.Status));
        var orderId = Assert.Single(answers.Select(answer => (string?)answer.Body["orderId"]).Distinct());
        await host.ClosedAsync(orderId!);
        Assert.Equal(1, await CountOrdersAsync(host));
        var audit = await OrderAudit.ReadAsync(host, client, orderId!);
        Assert.Equal(("COMPLETED", 1L, 1), (audit.Status, audit.Charges, audit.ExecutionsStarted));
    }

    [Fact]
    public async Task Different_requests_sent_at_once_with_one_key_place_one_order_and_the_rest_are_told_the_key_is_taken()
    {
        await using var host = new FaultHost(new Dictionary<string, string> { ["Queue:PollerEnabled"] = "false" });
        var client = await host.ClientAsync();

        var answers = await SendAtOnceAsync(client, "same-key-2", Enumerable.Range(1, 10).Select(quantity => FaultHost.OrderBody(quantity: quantity)));

        Assert.Single(answers, answer => answer.Status == HttpStatusCode.Created);
        Assert.Equal(9, answers.Count(answer => answer.Status == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(1, await CountOrdersAsync(host));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)[]> SendAtOnceAsync(HttpClient client, string key, IEnumerable<JsonObject> bodies)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = bodies.Select(async body =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            await gate.Task;
            using var response = await client.SendAsync(request);
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(sends);
    }

    private static async Task<long> CountOrdersAsync(FaultHost host)
    {
        await using var connection = await host.Get<LocalDatabase>().OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM orders";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
