using System.Net;
using StepOrders.Api.Access;
using StepOrders.Api.UsagePlans;
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

    [Fact]
    public async Task Keys_create_stores_the_usage_plan_given()
    {
        var output = new StringWriter();

        await KeysCommand.RunAsync(["keys", "create", "--name", "shop", "--rate", "2.5", "--burst", "10", "--quota", "5000", "--data", _data], output, TextWriter.Null);

        await using var database = LocalDatabase.Open(new DataFolder(_data));
        var key = await new SqliteApiKeyStore(database).FindAsync(ApiKeyHash.Of(output.ToString().Trim()), CancellationToken.None);
        Assert.Equal(new UsagePlan(2.5, 10, 5000), key!.Plan);
    }

    [Fact]
    public async Task Keys_list_shows_each_keys_name_customer_admin_plan_and_revocation_but_never_a_secret()
    {
        var secrets = new StringWriter();
        await KeysCommand.RunAsync(["keys", "create", "--name", "shop-a", "--customer", "cust-a", "--data", _data], secrets, TextWriter.Null);
        await KeysCommand.RunAsync(["keys", "create", "--name", "ops", "--admin", "--quota", "42", "--data", _data], secrets, TextWriter.Null);
        await KeysCommand.RunAsync(["keys", "revoke", "--name", "shop-a", "--data", _data], TextWriter.Null, TextWriter.Null);
        var listing = new StringWriter();

        Assert.Equal(0, await KeysCommand.RunAsync(["keys", "list", "--data", _data], listing, TextWriter.Null));

        var lines = listing.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^ID\s+NAME\s+CUSTOMER\s+ADMIN\s+RATE/S\s+BURST\s+QUOTA/DAY\s+CREATED\s+REVOKED", lines[0]);
        Assert.Matches(@"^key_\S+\s+shop-a\s+cust-a\s+no\s+100\s+200\s+1000000\s+\d{4}-\d\d-\d\dT\S+Z\s+\d{4}-\d\d-\d\dT\S+Z$", lines[1].Trim());
        Assert.Matches(@"^key_\S+\s+ops\s+-\s+yes\s+100\s+200\s+42\s+\S+\s+-$", lines[2].Trim());
        foreach (var secret in secrets.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.DoesNotContain(secret.Trim(), listing.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(ApiKeyHash.Of(secret.Trim()).Hex, listing.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Keys_revoke_stops_the_key_and_says_which_it_was()
    {
        var output = new StringWriter();
        await KeysCommand.RunAsync(["keys", "create", "--name", "gone", "--data", _data], output, TextWriter.Null);
        var said = new StringWriter();

        Assert.Equal(0, await KeysCommand.RunAsync(["keys", "revoke", "--name", "gone", "--data", _data], said, TextWriter.Null));

        Assert.Matches("^Revoked key_\\S+ \\(gone\\)\\.", said.ToString());
        await using var database = LocalDatabase.Open(new DataFolder(_data));
        Assert.Null(await new SqliteApiKeyStore(database).FindAsync(ApiKeyHash.Of(output.ToString().Trim()), CancellationToken.None));
    }

    [Fact]
    public async Task Keys_revoke_by_a_name_two_keys_share_asks_for_the_id_and_revokes_none()
    {
        await KeysCommand.RunAsync(["keys", "create", "--name", "twin", "--data", _data], TextWriter.Null, TextWriter.Null);
        await KeysCommand.RunAsync(["keys", "create", "--name", "twin", "--data", _data], TextWriter.Null, TextWriter.Null);
        var errors = new StringWriter();

        Assert.Equal(1, await KeysCommand.RunAsync(["keys", "revoke", "--name", "twin", "--data", _data], TextWriter.Null, errors));
        Assert.Contains("--id", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await KeysCommand.RunAsync(["keys", "revoke", "--id", "key_nope", "--data", _data], TextWriter.Null, TextWriter.Null));
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("keys", "create")]
    [InlineData("keys", "create", "--name")]
    [InlineData("keys", "create", "--name", "x", "--bogus")]
    [InlineData("keys", "delete", "--name", "x")]
    [InlineData("keys", "create", "--name", "x", "--rate", "0")]
    [InlineData("keys", "create", "--name", "x", "--burst", "-1")]
    [InlineData("keys", "create", "--name", "x", "--quota", "lots")]
    [InlineData("keys", "list", "--name", "x")]
    [InlineData("keys", "revoke")]
    [InlineData("keys", "revoke", "--name", "x", "--id", "y")]
    public async Task A_malformed_keys_command_prints_its_usage_and_fails(params string[] args)
    {
        var errors = new StringWriter();

        var exitCode = await KeysCommand.RunAsync([.. args, "--data", _data], TextWriter.Null, errors);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: keys create", errors.ToString(), StringComparison.Ordinal);
    }
}
