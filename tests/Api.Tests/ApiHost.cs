using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api.Access;

namespace StepOrders.Api.Tests;

/// <summary>
/// The local host in memory over a data folder of its own, with the queue poller off: orders stay PENDING, so the
/// API is what is under test.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    public string DataPath { get; } = Directory.CreateTempSubdirectory("steporders-api-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", DataPath);
        builder.UseSetting("Queue:PollerEnabled", "false");
    }

    /// <summary>A client sending a new key of its own.</summary>
    public async Task<HttpClient> ClientAsync(string? customerId = null, bool admin = false)
    {
        var client = CreateClient();
        var secret = await Services.GetRequiredService<ApiKeyIssuer>().IssueAsync("test", customerId, admin, CancellationToken.None);
        client.DefaultRequestHeaders.Add("x-api-key", secret);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(DataPath, recursive: true);
    }
}

/// <summary>Requests the tests send, as a client would write them.</summary>
public static class Requests
{
    public static object Order(string customerId = "cust-1", string sku = "SKU-1", int quantity = 2, decimal unitPrice = 19.99m) => new
    {
        customerId,
        items = new[] { new { sku, quantity, unitPrice } },
        currency = "EUR",
        shippingAddress = new { name = "Ada Lovelace", line1 = "1 Analytical Way", city = "London", postalCode = "N1 9GU", country = "GB" },
    };

    public static HttpContent Json(string json) => new StringContent(json, System.Text.Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PlaceAsync(this HttpClient client, object order) => client.PostAsJsonAsync("/orders", order);
}
