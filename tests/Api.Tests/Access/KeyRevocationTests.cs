using System.Net;
using StepOrders.Api.Access;
using StepOrders.Api.Tests.FrontDoor;
using StepOrders.Local.Access;

namespace StepOrders.Api.Tests.Access;

public sealed class KeyRevocationTests : IAsyncLifetime
{
    private readonly FrontDoorHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_key_revoked_with_the_keys_command_is_401_once_the_host_has_looked_again()
    {
        var output = new StringWriter();
        await KeysCommand.RunAsync(["keys", "create", "--name", "to-revoke", "--data", _host.DataPath], output, TextWriter.Null);
        var client = _host.ClientWithKey(output.ToString().Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers/c/orders")).StatusCode);

        Assert.Equal(0, await KeysCommand.RunAsync(["keys", "revoke", "--name", "to-revoke", "--data", _host.DataPath], TextWriter.Null, TextWriter.Null));
        _host.Clock.Advance(KnownApiKeys.TimeToLive);

        var problem = await Problem.ReadAsync(await client.GetAsync("/customers/c/orders"), HttpStatusCode.Unauthorized);
        Assert.Contains("x-api-key", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_is_not_found_again_by_registering_its_secret()
    {
        var issuer = _host.Services.GetService(typeof(ApiKeyIssuer)) as ApiKeyIssuer;
        var store = _host.Services.GetService(typeof(IApiKeyStore)) as IApiKeyStore;
        const string Secret = "so_env-key-revoked-then-registered-again";
        await issuer!.RegisterAsync(Secret, "env", isAdmin: true, CancellationToken.None);
        var key = Assert.Single(await store!.ListAsync(CancellationToken.None), key => key.Name == "env");
        await store.RevokeAsync(key.Id, _host.Clock.GetUtcNow(), CancellationToken.None);

        Assert.False(await issuer.RegisterAsync(Secret, "env", isAdmin: true, CancellationToken.None));
        await Problem.ReadAsync(await _host.ClientWithKey(Secret).GetAsync("/admin/dead-letters"), HttpStatusCode.Unauthorized);
    }
}
