using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StepOrders.Api.Tests.FrontDoor;
using StepOrders.Local.Data;
using StepOrders.Local.Orders;

namespace StepOrders.Api.Tests.Orders;

public sealed class IdempotencyTests : IAsyncLifetime
{
    private readonly FrontDoorHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Ten_concurrent_requests_with_one_key_create_exactly_one_order()
    {
        var client = await _host.ClientAsync(customerId: "idem-ten");
        var body = Requests.Order(customerId: "idem-ten");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(client, "ten", body)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async response => (await OrderBody.ReadAsync(response)).OrderId));
        var page = await client.GetFromJsonAsync<PageBody>("/customers/idem-ten/orders", OrderBody.Json);
        Assert.Equal(ids[0], Assert.Single(page!.Orders).OrderId);
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task A_retry_within_24_hours_returns_the_first_order_and_one_after_places_a_new_one()
    {
        var client = await _host.ClientAsync(customerId: "idem-day");
        var body = Requests.Order(customerId: "idem-day");
        var first = await OrderBody.ReadAsync(await SendAsync(client, "day", body));

        _host.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var retry = await SendAsync(client, "day", body);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await SendAsync(client, "day", body);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.OrderId, (await OrderBody.ReadAsync(retry)).OrderId);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.NotEqual(first.OrderId, (await OrderBody.ReadAsync(late)).OrderId);
    }

    [Fact]
    public async Task Keys_past_their_24_hours_are_purged()
    {
        var client = await _host.ClientAsync(customerId: "idem-purge");
        await SendAsync(client, "purge-1", Requests.Order(customerId: "idem-purge"));
        _host.Clock.Advance(TimeSpan.FromHours(12));
        await SendAsync(client, "purge-2", Requests.Order(customerId: "idem-purge"));
        var expiry = _host.Services.GetServices<IHostedService>().OfType<IdempotencyKeyExpiry>().Single();

        _host.Clock.Advance(TimeSpan.FromHours(12));
        await expiry.PurgeAsync(CancellationToken.None);
        var afterOneDay = await CountKeysAsync();
        _host.Clock.Advance(TimeSpan.FromHours(12));
        await expiry.PurgeAsync(CancellationToken.None);

        Assert.Equal(1, afterOneDay);
        Assert.Equal(0, await CountKeysAsync());
    }

    /// <summary>Rows in the idempotency table, whichever purge (the hourly one or the test's) removed the others.</summary>
    private async Task<long> CountKeysAsync()
    {
        await using var connection = await _host.Services.GetRequiredService<LocalDatabase>().OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM idempotency_keys";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
