using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runtime as a singleton, a <see cref="TaskHandlerRegistry"/> the host fills with its
    /// handlers, <see cref="TimeProvider.System"/> and jitter unless already registered, and a hosted
    /// service that starts the runtime (resuming RUNNING executions) and disposes it at shutdown, and
    /// <see cref="ExecutionExpiry"/>, which deletes closed executions past their retention hourly.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The retention is shorter than the 14-day redrive window.</exception>
    public static IServiceCollection AddStepOrdersWorkflow(this IServiceCollection services, Action<WorkflowOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WorkflowOptions();
        configure(options);
        WorkflowRuntime.ValidateRetention(options.ExecutionRetention);
        services.AddSingleton(options);
        services.TryAddSingleton<TaskHandlerRegistry>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJitterSource, RandomJitterSource>();
        services.AddSingleton(provider => new WorkflowRuntime(
            provider.GetRequiredService<WorkflowOptions>(),
            provider.GetRequiredService<TaskHandlerRegistry>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IJitterSource>()));
        services.AddHostedService<WorkflowHostedService>();
        services.AddHostedService(provider => new ExecutionExpiry(
            provider.GetRequiredService<WorkflowRuntime>(),
            provider.GetRequiredService<TimeProvider>(),
            (provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<ExecutionExpiry>()));
        return services;
    }
}
