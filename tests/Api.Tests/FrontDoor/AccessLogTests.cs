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

        var traceId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("traceId").GetString();
        var lines = _host.AccessLog.Lines;
        Assert.Equal(2, lines.Count);
        var line = lines.Single(line => (string?)line["Route"] == "/orders/{orderId}");
        Assert.Equal("GET", line["Method"]);
        Assert.Equal(404, line["Status"]);
        Assert.Equal("shop-frontend", line["KeyName"]);
        Assert.StartsWith("key_", (string?)line["KeyId"], StringComparison.Ordinal);
        Assert.Equal(traceId, line["TraceId"]);
        Assert.IsType<double>(line["DurationMs"]);
        Assert.Equal("-", lines.Single(line => (string?)line["Route"] != "/orders/{orderId}")["KeyName"]);
        Assert.DoesNotContain(lines.SelectMany(line => line.Values), value => value?.ToString()?.Contains(secret, StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
