using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepOrders.Local.Tests.EndToEnd;
using StepOrders.Orders.Ports;
using StepOrders.Steps;

namespace StepOrders.Local.Tests.Faults;

/// <summary>
/// The whole local host with faults put in: every workflow step wrapped by <paramref name="wrap"/> (as registered,
/// so the embedded runtime calls the wrapper), the order queue wrapped by <paramref name="wrapQueue"/>, an optional
/// clock, and every log line kept.
/// </summary>
public class FaultHost(
    IReadOnlyDictionary<string, string>? settings = null,
    Func<IWorkflowStep, IWorkflowStep>? wrap = null,
    TimeProvider? clock = null,
    Func<IOrderQueue, IOrderQueue>? wrapQueue = null)
    : LocalHost(settings ?? new Dictionary<string, string>())
{
    public RecordedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureTestServices(services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
            if (wrap is not null)
            {
                Wrap(services, wrap);
            }
            if (wrapQueue is not null)
            {
                Wrap(services, wrapQueue);
            }
        });
    }

    /// <summary>Places an order of <paramref name="quantity"/> × <paramref name="sku"/> and returns its id.</summary>
    public static async Task<string> PlaceAsync(HttpClient client, string token = "tok_approve", string sku = "SKU-1", int quantity = 1)
    {
        using var response = await client.PostAsJsonAsync("/orders", OrderBody(token, sku, quantity));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!;
    }

    public static JsonObject OrderBody(string token = "tok_approve", string sku = "SKU-1", int quantity = 1) => new()
    {
        ["customerId"] = "faults",
        ["items"] = new JsonArray(new JsonObject { ["sku"] = sku, ["quantity"] = quantity, ["unitPrice"] = 4.5m }),
        ["currency"] = "EUR",
        ["shippingAddress"] = new JsonObject { ["name"] = "Ada", ["line1"] = "1 Way", ["city"] = "London", ["postalCode"] = "N1", ["country"] = "GB" },
        ["paymentToken"] = token,
    };

    /// <summary>Replaces every registration of <typeparamref name="TService"/> with <paramref name="wrap"/> around what it made.</summary>
    private static void Wrap<TService>(IServiceCollection services, Func<TService, TService> wrap)
        where TService : class
    {
        foreach (var registration in services.Where(service => service.ServiceType == typeof(TService)).ToList())
        {
            services.Remove(registration);
            services.AddSingleton(provider => wrap((TService)(registration.ImplementationInstance
                ?? registration.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registration.ImplementationType!))));
        }
    }
}
