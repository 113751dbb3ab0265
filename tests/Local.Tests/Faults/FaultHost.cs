using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepOrders.Local.Tests.EndToEnd;
using StepOrders.Steps;

namespace StepOrders.Local.Tests.Faults;

/// <summary>
/// The whole local host with faults put in: every workflow step wrapped by <paramref name="wrap"/> (as registered,
/// so the embedded runtime calls the wrapper), an optional clock, and every log line kept.
/// </summary>
public class FaultHost(
    IReadOnlyDictionary<string, string>? settings = null, Func<IWorkflowStep, IWorkflowStep>? wrap = null, TimeProvider? clock = null)
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
            if (wrap is null)
            {
                return;
            }
            foreach (var registration in services.Where(service => service.ServiceType == typeof(IWorkflowStep)).ToList())
            {
                services.Remove(registration);
                services.AddSingleton(provider => wrap(Create(registration, provider)));
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

    private static IWorkflowStep Create(ServiceDescriptor registration, IServiceProvider provider) =>
        (IWorkflowStep)(registration.ImplementationInstance
            ?? registration.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registration.ImplementationType!));
}
