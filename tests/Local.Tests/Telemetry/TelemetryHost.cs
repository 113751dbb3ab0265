using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using StepOrders.Api.FrontDoor;
using StepOrders.Local.Tests.EndToEnd;

namespace StepOrders.Local.Tests.Telemetry;

/// <summary>The whole local host with its log lines captured, and, when given one, a fake clock.</summary>
public class TelemetryHost : LocalHost
{
    public TelemetryHost()
        : this(new Dictionary<string, string>(), clock: null)
    {
    }

    protected TelemetryHost(IReadOnlyDictionary<string, string> settings, TestClock? clock)
        : base(settings) => Clock = clock;

    public CapturedLog Log { get; } = new();

    public TestClock? Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Each step's line of success is at Debug, off by default.
        builder.UseSetting("Logging:LogLevel:StepOrders.Steps.StepTelemetry", "Debug");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(provider => Log.Attach(provider.GetServices<ConsoleFormatter>()));
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    /// <summary>The access log's lines so far (its own JSON lines file, as API Gateway's access logs have their own log group).</summary>
    public async Task<IReadOnlyList<string>> AccessLinesAsync()
    {
        var writer = Services.GetRequiredService<AccessLogWriter>();
        await writer.FlushAsync();
        using var file = new FileStream(writer.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public async Task<string> PlaceAsync(HttpClient client, string sku = "SKU-1", string? paymentToken = null, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                customerId = "cust-telemetry",
                items = new[] { new { sku, quantity = 2, unitPrice = 12.50m } },
                currency = "EUR",
                shippingAddress = new { name = "Ada Lovelace", line1 = "1 Analytical Way", city = "London", postalCode = "N1 9GU", country = "GB" },
                paymentToken,
            }),
        };
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var placed = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        return (string)placed!["orderId"]!;
    }
}
