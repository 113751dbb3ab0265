using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;
using StepOrders.Orders.Ports;

namespace StepOrders.Console.Tests;

/// <summary>
/// The local host on a real Kestrel socket (127.0.0.1, a free port) for the browser, over a data folder of its own,
/// with retry waits scaled down, queue messages retried quickly and dead-lettered after two receives, and alarms
/// evaluated several times a second. Its workflow starter can be taken down (<see cref="WorkflowOutage"/>), so an
/// order's message lands in the dead-letter queue.
/// </summary>
public sealed class ConsoleHost : WebApplicationFactory<Program>
{
    public const string TimeScale = "0.01";

    private string? _adminKey;

    public ConsoleHost() => UseKestrel();

    public string DataPath { get; } = Directory.CreateTempSubdirectory("steporders-console-").FullName;

    public WorkflowOutage Outage { get; } = new();

    /// <summary>Where the browser goes, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    public async Task<string> AdminKeyAsync() => _adminKey ??= await IssueAsync("console-admin", admin: true);

    public Task<string> IssueAsync(string name, bool admin, string? customerId = null)
    {
        StartServer();
        return Services.GetRequiredService<ApiKeyIssuer>().IssueAsync(name, customerId, admin, CancellationToken.None);
    }

    public async Task<HttpClient> AdminClientAsync()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, await AdminKeyAsync());
        return client;
    }

    /// <summary>Places an order through the API and returns its id.</summary>
    public async Task<string> PlaceOrderAsync(string sku, string paymentToken = "tok_approve", string customerId = "console-tests")
    {
        using var client = await AdminClientAsync();
        var response = await client.PostAsJsonAsync("/orders", new
        {
            customerId,
            items = new[] { new { sku, quantity = 2, unitPrice = 24.5m } },
            currency = "EUR",
            shippingAddress = new { name = "Ada Lovelace", line1 = "1 Analytical Way", city = "London", postalCode = "N1 9GU", country = "GB" },
            paymentToken,
        });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!;
    }

    /// <summary>A call to the host's Step Functions API (AWS JSON 1.0), as the AWS CLI makes it.</summary>
    public async Task<JsonObject> SfnAsync(string operation, object request)
    {
        using var client = await AdminClientAsync();
        using var content = JsonContent.Create(request, mediaType: new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0"));
        content.Headers.Add("X-Amz-Target", $"AWSStepFunctions.{operation}");
        var response = await client.PostAsync(new Uri("/sfn", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task SetStockAsync(string sku, int available)
    {
        using var client = await AdminClientAsync();
        (await client.PutAsJsonAsync($"/admin/inventory/{sku}", new { available })).EnsureSuccessStatusCode();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("data", DataPath);
        builder.UseSetting("time-scale", TimeScale);
        builder.UseSetting("Queue:VisibilityTimeout", "00:00:00.500");
        builder.UseSetting("Queue:MaxReceiveCount", "2");
        builder.UseSetting("Alarms:Period", "00:00:00.200");
        builder.ConfigureTestServices(services =>
        {
            var workflow = services.Last(service => service.ServiceType == typeof(IOrderWorkflow));
            services.Remove(workflow);
            services.AddSingleton<IOrderWorkflow>(provider => Outage.Wrap(
                (IOrderWorkflow)ActivatorUtilities.CreateInstance(provider, workflow.ImplementationType!)));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(DataPath, recursive: true);
    }
}
