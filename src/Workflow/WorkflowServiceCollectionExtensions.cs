using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runtime as a singleton, a <see cref="TaskHandlerRegistry"/> the host fills with its
    /// handlers, <see cref="TimeProvider.System"/> and jitter unless already registered, and a hosted
    /// service that starts the runtime (resuming RUNNING executions) and disposes it at shutdown.
    /// </summary>
    public static IServiceCollection AddStepOrdersWorkflow(this IServiceCollection services, Action<WorkflowOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WorkflowOptions();
        configure(options);
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
        return services;
    }
}
