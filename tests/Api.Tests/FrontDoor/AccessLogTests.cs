using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;

namespace StepOrders.Api.Tests.FrontDoor;

public sealed class AccessLogTests : IAsyncLifetime
{
    private readonly FrontDoorHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Each_request_writes_one_line_with_key_name_route_status_duration_and_trace_id_but_never_the_key()
    {
        var secret = await _host.Services.GetRequiredService<ApiKeyIssuer>().IssueAsync("shop-frontend", "hana", false, CancellationToken.None);
        var client = _host.ClientWithKey(secret);

        var response = await client.GetAsync("/orders/ord_01ARZ3NDEKTSV4RRFFQ69G5FAV");
        await _host.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var traceId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("traceId").GetString();
        var lines = await _host.AccessLinesAsync();
        Assert.Equal(2, lines.Count);
        var line = lines[0];
        Assert.Equal("GET", line.GetProperty("method").GetString());
        Assert.Equal("/orders/{orderId}", line.GetProperty("route").GetString());
        Assert.Equal(404, line.GetProperty("status").GetInt32());
        Assert.Equal("shop-frontend", line.GetProperty("keyName").GetString());
        Assert.StartsWith("key_", line.GetProperty("keyId").GetString(), StringComparison.Ordinal);
        Assert.Equal(traceId, line.GetProperty("traceId").GetString());
        Assert.True(line.GetProperty("durationMs").GetDouble() >= 0);
        Assert.Equal(_host.Clock.GetUtcNow(), line.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("keyName").ValueKind);
        Assert.Equal(200, lines[1].GetProperty("status").GetInt32());
        Assert.DoesNotContain(secret, string.Join('\n', lines.Select(line => line.GetRawText())), StringComparison.Ordinal);
    }
}
