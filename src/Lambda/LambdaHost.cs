using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepOrders.Lambda.Functions;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Lambda;

/// <summary>
/// Starts the function <c>_HANDLER</c> names and serves its invocations. A handler that names no declared function,
/// or a function whose dependencies cannot be built, is reported as an initialization error, as the runtime API asks.
/// </summary>
internal static class LambdaHost
{
    public static async Task<int> RunAsync(string runtimeApi, string handler, IServiceCollection services, CancellationToken cancellationToken)
    {
        using var http = RuntimeApiClient.CreateHttpClient(runtimeApi);
        var runtime = new RuntimeApiClient(http);
        await using var provider = services.BuildServiceProvider();

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

        ILambdaFunction function;
        try
        {
            function = FunctionCatalog.Create(chosen, provider);
        }
        catch (Exception e)
        {
            // Anything that stops the function's code from being built (a missing setting, no region, no credentials).
            await runtime.FailInitAsync(new FunctionError(RuntimeErrors.ConfigInvalid, $"{chosen.Name} cannot start: {e.Message}"), cancellationToken);
            return 1;
        }

        var clock = provider.GetRequiredService<TimeProvider>();
        using var telemetry = new InvocationTelemetry(chosen.Name, provider.GetRequiredService<OrderMetrics>(), clock, Console.Out);
        var loop = new InvocationLoop(runtime, function, clock, provider.GetRequiredService<ILogger<InvocationLoop>>(), telemetry);
        await loop.RunAsync(cancellationToken);
        return 0;
    }
}
