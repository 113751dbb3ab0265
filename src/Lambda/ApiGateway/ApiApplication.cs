using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepOrders.Api;
using StepOrders.Api.Access;
using StepOrders.Api.Telemetry;
using StepOrders.Chat;
using StepOrders.Orders.Ports;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Lambda.ApiGateway;

/// <summary>
/// The API function's web application: the Lambda host's services, the API with its request metrics, middleware and
/// routes as the local host has them, and <see cref="ApiGatewayServer"/> in place of Kestrel. Keys are API Gateway's:
/// it checks the secret and applies the usage plan, so callers are known by <see cref="GatewayApiKey"/> instead of by
/// secret.
/// </summary>
internal static class ApiApplication
{
    public static async Task<WebApplication> StartAsync(IServiceCollection services, CancellationToken cancellationToken)
    {
        // The empty builder: no Kestrel, no configuration files, no default logging, the smallest AOT binary.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRoutingCore();
        foreach (var service in services)
        {
            builder.Services.Add(service);
        }
        builder.Services.AddStepOrdersApi();
        // The order assistant answers from its templates here: the model clients it can use elsewhere (Anthropic's SDK
        // among them) are not trim-safe, and the Native AOT bootstrap must not carry them.
        builder.Services.AddSingleton(provider => new ChatAssistant(
            provider.GetRequiredService<IOrderStore>(),
            new ChatAssistantOptions(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ChatAssistant>>(),
            model: null,
            provider.GetService<OrderMetrics>()));
        builder.Services.AddSingleton<KnownGatewayApiKeys>();
        builder.Services.AddAuthenticationCore(options => options.DefaultScheme = GatewayApiKeyAuthenticationHandler.SchemeName);
        new AuthenticationBuilder(builder.Services)
            .AddScheme<AuthenticationSchemeOptions, GatewayApiKeyAuthenticationHandler>(GatewayApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddSingleton<ApiGatewayServer>();
        builder.Services.AddSingleton<IServer>(provider => provider.GetRequiredService<ApiGatewayServer>());

        var app = builder.Build();
        try
        {
            // Request count, latency and status by route, as the local host records them, outermost so they see every
            // response's final status; the invocation writes them as EMF before it answers.
            app.UseRequestTelemetry();
            app.UseStepOrdersApi();
            app.MapStepOrdersApi();
            await app.StartAsync(cancellationToken);
            // Endpoints resolve their ports per request; resolving them now makes a missing setting an init error.
            foreach (var port in services.Select(service => service.ServiceType).Where(IsPort).Distinct())
            {
                app.Services.GetRequiredService(port);
            }
            app.Services.GetRequiredService<IGatewayApiKeyStore>();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private static bool IsPort(Type type) => type.IsInterface && type.Namespace == typeof(IOrderStore).Namespace;
}
