using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepOrders.Lambda.ApiGateway;
using StepOrders.Lambda.Functions;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Lambda;

/// <summary>
/// Starts the function <c>_HANDLER</c> names and serves its invocations. A handler that names no declared function,
/// or a function whose dependencies cannot be built, is reported as an initialization error, as the runtime API asks.
/// The API function's services live in its web application; every other function's in a plain container.
/// </summary>
internal static class LambdaHost
{
    public static async Task<int> RunAsync(string runtimeApi, string handler, IServiceCollection services, CancellationToken cancellationToken)
    {
        using var http = RuntimeApiClient.CreateHttpClient(runtimeApi);
        var runtime = new RuntimeApiClient(http);

        var declared = FunctionCatalog.Declared(services);
        var chosen = declared.FirstOrDefault(function => function.Name == handler);
        if (chosen is null)
        {
            var names = string.Join(", ", declared.Select(function => function.Name).Order(StringComparer.Ordinal));
            await runtime.FailInitAsync(
                new FunctionError(RuntimeErrors.NoSuchHandler, $"_HANDLER '{handler}' names no declared function; this executable serves {names}."),
                cancellationToken);
            return 1;
        }

        IAsyncDisposable? lifetime = null;
        InvocationTelemetry? telemetry = null;
        try
        {
            IServiceProvider provider;
            ILambdaFunction function;
            try
            {
                if (chosen.Declaration.Trigger == FunctionTrigger.Api)
                {
                    var api = await ApiApplication.StartAsync(services, cancellationToken);
                    (lifetime, provider) = (api, api.Services);
                }
                else
                {
                    var container = services.BuildServiceProvider();
                    (lifetime, provider) = (container, container);
                }
                function = FunctionCatalog.Create(chosen, provider);
                telemetry = new InvocationTelemetry(
                    chosen.Name, provider.GetRequiredService<OrderMetrics>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<MetricsDestination>());
            }
            catch (Exception e)
            {
                // Anything that stops the function's code from being built (a missing setting, no region, no credentials).
                await runtime.FailInitAsync(new FunctionError(RuntimeErrors.ConfigInvalid, $"{chosen.Name} cannot start: {e.Message}"), cancellationToken);
                return 1;
            }

            var loop = new InvocationLoop(runtime, function, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<InvocationLoop>>(), telemetry);
            await loop.RunAsync(cancellationToken);
            return 0;
        }
        finally
        {
            telemetry?.Dispose();
            if (lifetime is not null)
            {
                await lifetime.DisposeAsync();
            }
        }
    }
}
