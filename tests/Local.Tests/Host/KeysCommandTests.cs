using System.Net;
using StepOrders.Api.Access;
using StepOrders.Local.Access;
using StepOrders.Local.Data;

namespace StepOrders.Local.Tests.Host;

public sealed class KeysCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("steporders-keys-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Keys_create_prints_the_new_key_alone_on_stdout()
    {
        var (exitCode, stdout, _) = await HostProcess.RunAsync("keys", "create", "--name", "ci", "--customer", "cust-9", "--data", _data);

        Assert.Equal(0, exitCode);
        var secret = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("so_", secret, StringComparison.Ordinal);
        await using var database = LocalDatabase.Open(new DataFolder(_data));
        var key = await new SqliteApiKeyStore(database).FindAsync(ApiKeyHash.Of(secret), CancellationToken.None);
        Assert.Equal(("ci", "cust-9", false), (key!.Name, key.CustomerId, key.IsAdmin));
    }

    [Fact]
    public async Task A_created_admin_key_opens_the_admin_routes_of_the_host()
    {
        var output = new StringWriter();
        Assert.Equal(0, await KeysCommand.RunAsync(["keys", "create", "--name", "ops", "--admin", "--data", _data], output, TextWriter.Null));
        var secret = output.ToString().Trim();

        await using var host = await HostProcess.StartAsync(_data, apiKey: "unused-env-key");
        using var client = host.Client(secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/dead-letters", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("keys", "create")]
    [InlineData("keys", "create", "--name")]
    [InlineData("keys", "create", "--name", "x", "--bogus")]
    [InlineData("keys", "delete", "--name", "x")]
    public async Task A_malformed_keys_command_prints_its_usage_and_fails(params string[] args)
    {
        var errors = new StringWriter();

        var exitCode = await KeysCommand.RunAsync([.. args, "--data", _data], TextWriter.Null, errors);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: keys create", errors.ToString(), StringComparison.Ordinal);
    }
}
