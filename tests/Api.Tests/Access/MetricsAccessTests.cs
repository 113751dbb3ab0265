using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;
using StepOrders.Api.Tests.FrontDoor;

namespace StepOrders.Api.Tests.Access;

public sealed class MetricsAccessTests : IAsyncLifetime
{
    private readonly FrontDoorHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Metrics_without_a_key_is_401_problem()
    {
        await Problem.ReadAsync(await _host.CreateClient().GetAsync("/metrics"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Metrics_with_a_key_that_is_not_admin_is_403_problem()
    {
        var shop = await _host.ClientAsync();

        await Problem.ReadAsync(await shop.GetAsync("/metrics"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Metrics_take_an_admin_key_as_x_api_key_or_as_a_bearer_credential_as_prometheus_sends_it()
    {
        var secret = await AdminSecretAsync();
        var scraper = _host.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var withHeader = await _host.ClientWithKey(secret).GetAsync("/metrics");
        var withBearer = await scraper.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withBearer.StatusCode);
        Assert.Contains("# TYPE steporders_", await withBearer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_key_opens_metrics_only()
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AdminSecretAsync());

        await Problem.ReadAsync(await client.GetAsync("/admin/stats?window=1h"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Metrics_without_key_opens_metrics_to_anyone_and_nothing_else()
    {
        await using var open = new FrontDoorHost(settings: new Dictionary<string, string> { ["Telemetry:MetricsWithoutKey"] = "true" });
        var anyone = open.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/metrics")).StatusCode);
        await Problem.ReadAsync(await anyone.GetAsync("/admin/stats?window=1h"), HttpStatusCode.Unauthorized);
    }

    private Task<string> AdminSecretAsync() =>
        _host.Services.GetRequiredService<ApiKeyIssuer>().IssueAsync("prometheus", null, isAdmin: true, CancellationToken.None);
}
