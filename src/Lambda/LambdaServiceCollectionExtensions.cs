using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepOrders.Orders.Ports;
using StepOrders.Steps;

namespace StepOrders.Lambda;

/// <summary>The Lambda host's composition, in one place: logging, time, the functions' code and the AWS adapters.</summary>
internal static class LambdaServiceCollectionExtensions
{
    public static IServiceCollection AddStepOrdersLambda(this IServiceCollection services)
    {
        services.AddLogging(logging => logging
            .SetMinimumLevel(MinimumLevel(Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL")))
            .AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            }));
        services.AddSingleton(TimeProvider.System);
        services.AddStepOrdersSteps();
        AddAwsAdapters(services);
        return services;
    }

    /// <summary>The ports' AWS implementations. The adapters of src/Aws replace <see cref="AwsAdaptersPending"/> here.</summary>
    private static void AddAwsAdapters(IServiceCollection services)
    {
        var pending = new AwsAdaptersPending();
        services.AddSingleton<IOrderStore>(pending);
        services.AddSingleton<IInventory>(pending);
        services.AddSingleton<IPaymentGateway>(pending);
        services.AddSingleton<IOrderWorkflow>(pending);
        services.AddSingleton<IOrderQueue>(pending);
    }

    /// <summary>Lambda's advanced logging controls pass the function's application log level in AWS_LAMBDA_LOG_LEVEL.</summary>
    private static LogLevel MinimumLevel(string? lambdaLevel) => lambdaLevel?.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
