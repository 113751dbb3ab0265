using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Steps;

public static class StepsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the workflow steps (each also as an <see cref="IWorkflowStep"/>), the queue-triggered starter, the
    /// reconciler, and what the hosts wrap each step run in (<see cref="StepTelemetry"/>, over <see cref="OrderMetrics"/>).
    /// </summary>
    public static IServiceCollection AddStepOrdersSteps(this IServiceCollection services)
    {
        services.TryAddSingleton<OrderMetrics>();
        services.TryAddSingleton<StepTelemetry>();
        services.AddSingleton<OrderProgress>();
        services.AddSingleton<StartOrderWorkflow>();
        services.AddSingleton<ReconcilePendingOrders>();
        AddStep<ValidateOrder>(services);
        AddStep<CheckInventory>(services);
        AddStep<ProcessPayment>(services);
        AddStep<PrepareFulfillment>(services);
        AddStep<CompleteOrder>(services);
        AddStep<MarkOrderFailed>(services);
        AddStep<AwaitRedrive>(services);
        return services;
    }

    // The container builds each step through its public constructor; the annotation keeps it in a Native AOT build.
    private static void AddStep<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStep>(IServiceCollection services)
        where TStep : class, IWorkflowStep
    {
        services.AddSingleton<TStep>();
        services.AddSingleton<IWorkflowStep>(provider => provider.GetRequiredService<TStep>());
    }
}
