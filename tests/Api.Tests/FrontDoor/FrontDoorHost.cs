using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StepOrders.Api.Access;
using StepOrders.Api.FrontDoor;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Tests.FrontDoor;

/// <summary>
/// The local host in memory on a fake clock (throttles, quotas and key caches move only when a test advances it),
/// with the queue poller off. Hosts made with the same <see cref="DataPath"/> one after the other are a restart.
/// </summary>
public sealed class FrontDoorHost : WebApplicationFactory<Program>
{
    private readonly bool _ownsData;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    public FrontDoorHost(
        string? dataPath = null, FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _ownsData = dataPath is null;
        DataPath = dataPath ?? Directory.CreateTempSubdirectory("steporders-door-").FullName;
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
    }

    public string DataPath { get; }

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", DataPath);
        builder.UseSetting("Queue:PollerEnabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    /// <summary>A client sending a new key of its own, on <paramref name="plan"/> (the default plan when null).</summary>
    public async Task<HttpClient> ClientAsync(string? customerId = null, bool admin = false, UsagePlan? plan = null)
    {
        var secret = await Services.GetRequiredService<ApiKeyIssuer>().IssueAsync("test", customerId, admin, plan ?? UsagePlan.Default, CancellationToken.None);
        return ClientWithKey(secret);
    }

    /// <summary>The access log's lines so far, each a JSON object.</summary>
    public async Task<IReadOnlyList<JsonElement>> AccessLinesAsync()
    {
        var writer = Services.GetRequiredService<AccessLogWriter>();
        await writer.FlushAsync();
        using var file = new FileStream(writer.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return [.. (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
    }

    public HttpClient ClientWithKey(string secret)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", secret);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsData)
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}
