using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;
using StepOrders.Api.Tests.FrontDoor;
using StepOrders.Local.Access;

namespace StepOrders.Api.Tests.Access;

public sealed class KeyGuessingTests : IAsyncLifetime
{
    private readonly FrontDoorHost _host;
    private CountingKeyStore? _store;

    public KeyGuessingTests() => _host = new FrontDoorHost(services: services => services.AddSingleton<IApiKeyStore>(provider =>
        _store = new CountingKeyStore(ActivatorUtilities.CreateInstance<SqliteApiKeyStore>(provider))));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Random_keys_get_401_up_to_the_allowance_then_429_with_retry_after_and_no_store_read()
    {
        var allowance = FailedAuthentications.Allowance.BurstLimit;
        for (var i = 0; i < allowance; i++)
        {
            await Problem.ReadAsync(await _host.ClientWithKey($"so_guess-{i}").GetAsync("/customers/c/orders"), HttpStatusCode.Unauthorized);
        }
        var reads = _store!.Reads;

        var throttled = await _host.ClientWithKey("so_guess-next").GetAsync("/customers/c/orders");

        var problem = await Problem.ReadAsync(throttled, HttpStatusCode.TooManyRequests);
        Assert.Contains("unknown or revoked", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(reads, _store.Reads);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        await Problem.ReadAsync(await _host.ClientWithKey("so_guess-later").GetAsync("/customers/c/orders"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_key_keeps_working_from_an_address_throttled_for_bad_ones()
    {
        var client = await _host.ClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers/c/orders")).StatusCode);

        for (var i = 0; i <= FailedAuthentications.Allowance.BurstLimit; i++)
        {
            await _host.ClientWithKey($"so_guess-{i}").GetAsync("/customers/c/orders");
        }

        await Problem.ReadAsync(await _host.ClientWithKey("so_guess-more").GetAsync("/customers/c/orders"), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers/c/orders")).StatusCode);
    }

    [Fact]
    public async Task The_same_bad_key_sent_again_is_not_read_from_the_store_again()
    {
        var client = _host.ClientWithKey("so_stale-key");
        await Problem.ReadAsync(await client.GetAsync("/customers/c/orders"), HttpStatusCode.Unauthorized);
        var reads = _store!.Reads;

        await Problem.ReadAsync(await client.GetAsync("/customers/c/orders"), HttpStatusCode.Unauthorized);

        Assert.Equal(reads, _store.Reads);
    }
}
