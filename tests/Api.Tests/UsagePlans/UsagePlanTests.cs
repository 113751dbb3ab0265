using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;
using StepOrders.Api.Tests.FrontDoor;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Tests.UsagePlans;

public sealed class UsagePlanTests : IAsyncLifetime
{
    private readonly FrontDoorHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_and_is_served_again_once_its_bucket_refills()
    {
        var client = await _host.ClientAsync(plan: new UsagePlan(RateLimit: 2, BurstLimit: 3, QuotaLimit: 1000));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers/c/orders")).StatusCode);
        }
        var throttled = await client.GetAsync("/customers/c/orders");

        var problem = await Problem.ReadAsync(throttled, HttpStatusCode.TooManyRequests);
        Assert.Contains("2 a second", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        _host.Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers/c/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/customers/c/orders")).StatusCode);
    }

    [Fact]
    public async Task A_burst_is_served_up_to_the_bucket_and_the_rate_after_it()
    {
        var client = await _host.ClientAsync(plan: new UsagePlan(RateLimit: 10, BurstLimit: 20, QuotaLimit: 1000));

        var burst = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => client.GetAsync("/customers/c/orders")));
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => client.GetAsync("/customers/c/orders")));

        Assert.Equal(20, burst.Count(response => response.StatusCode == HttpStatusCode.OK));
        Assert.Equal(10, second.Count(response => response.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Keys_are_throttled_apart()
    {
        var plan = new UsagePlan(RateLimit: 1, BurstLimit: 1, QuotaLimit: 1000);
        var one = await _host.ClientAsync(plan: plan);
        var other = await _host.ClientAsync(plan: plan);

        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync("/customers/c/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await one.GetAsync("/customers/c/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/customers/c/orders")).StatusCode);
    }

    [Fact]
    public async Task Admin_keys_have_usage_plans_too()
    {
        var admin = await _host.ClientAsync(admin: true, plan: new UsagePlan(RateLimit: 1, BurstLimit: 1, QuotaLimit: 1000));

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/dead-letters")).StatusCode);
        await Problem.ReadAsync(await admin.GetAsync("/admin/dead-letters"), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_used_up_quota_answers_429_until_the_next_utc_day()
    {
        var client = await _host.ClientAsync(plan: new UsagePlan(RateLimit: 100, BurstLimit: 100, QuotaLimit: 3));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers/c/orders")).StatusCode);
        }

        var refused = await client.GetAsync("/customers/c/orders");
        _host.Clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));
        var stillRefused = await client.GetAsync("/customers/c/orders");
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var nextDay = await client.GetAsync("/customers/c/orders");

        var problem = await Problem.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("quota of 3", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(12), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), stillRefused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
    }

    [Fact]
    public async Task A_used_up_quota_stays_used_up_after_a_restart()
    {
        var data = Directory.CreateTempSubdirectory("steporders-restart-").FullName;
        try
        {
            string secret;
            await using (var first = new FrontDoorHost(data, _host.Clock))
            {
                secret = await first.Services.GetRequiredService<ApiKeyIssuer>()
                    .IssueAsync("restart", null, false, new UsagePlan(RateLimit: 100, BurstLimit: 100, QuotaLimit: 2), CancellationToken.None);
                var client = first.ClientWithKey(secret);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers/c/orders")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers/c/orders")).StatusCode);
            }

            await using var restarted = new FrontDoorHost(data, _host.Clock);

            await Problem.ReadAsync(await restarted.ClientWithKey(secret).GetAsync("/customers/c/orders"), HttpStatusCode.TooManyRequests);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Health_is_never_throttled()
    {
        var client = await _host.ClientAsync(plan: new UsagePlan(RateLimit: 1, BurstLimit: 1, QuotaLimit: 1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.GetAsync("/health")));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
    }
}
