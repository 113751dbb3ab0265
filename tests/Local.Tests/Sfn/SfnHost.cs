using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StepOrders.Api.Access;
using StepOrders.Workflow;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Local.Tests.Sfn;

/// <summary>
/// The local host on a real Kestrel socket (127.0.0.1, a free port), so processes such as the AWS CLI can call it,
/// over a data folder of its own, started with <c>--time-scale</c> so long waits pass quickly. It offers one task of
/// its own, <see cref="FlakyFunction"/>, which fails until <see cref="Repair"/> is called.
/// </summary>
public sealed class SfnHost : WebApplicationFactory<Program>
{
    public const string TimeScale = "0.0001";
    public const string FlakyFunction = "arn:aws:lambda:us-east-1:123456789012:function:SfnTestFlaky";

    private volatile bool repaired;
    private string? adminKey;

    public SfnHost() => UseKestrel();

    public string DataPath { get; } = Directory.CreateTempSubdirectory("steporders-sfn-").FullName;

    /// <summary>The Step Functions endpoint, e.g. <c>http://127.0.0.1:41234/sfn</c>.</summary>
    public Uri Endpoint
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.TrimEnd('/') + "/sfn");
        }
    }

    public WorkflowRuntime Runtime => Get<WorkflowRuntime>();

    public T Get<T>()
        where T : notnull
    {
        StartServer();
        return Services.GetRequiredService<T>();
    }

    /// <summary>Makes <see cref="FlakyFunction"/> succeed from now on.</summary>
    public void Repair() => repaired = true;

    public async Task<string> AdminKeyAsync()
    {
        StartServer();
        return adminKey ??= await IssueAsync(admin: true);
    }

    public Task<string> IssueAsync(bool admin)
    {
        StartServer();
        return Services.GetRequiredService<ApiKeyIssuer>().IssueAsync("sfn-test", null, admin, CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("data", DataPath);
        builder.UseSetting("time-scale", TimeScale);
        builder.UseSetting("Queue:PollerEnabled", "false");
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<TaskHandlerRegistry>().Register(FlakyFunction, (input, _, _) => repaired
            ? ValueTask.FromResult<JsonNode?>(new JsonObject { ["repaired"] = true, ["input"] = input?.DeepClone() })
            : throw new TaskFailedException("Flaky.Down", "The flaky function is down until repaired."));
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(DataPath, recursive: true);
    }
}
