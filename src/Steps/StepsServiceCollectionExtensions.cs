using Microsoft.Extensions.DependencyInjection;

namespace StepOrders.Steps;

public static class StepsServiceCollectionExtensions
{
    /// <summary>Registers the workflow steps (each also as an <see cref="IWorkflowStep"/>) the queue-triggered starter and the reconciler.</summary>
    public static IServiceCollection AddStepOrdersSteps(this IServiceCollection services)
    {
        services.AddSingleton<OrderProgress>();
        services.AddSingleton<StartOrderWorkflow>();
        services.AddSingleton<ReconcilePendingOrders>();
        AddStep<ValidateOrder>(services);
        AddStep<CheckInventory>(services);
        AddStep<ProcessPayment>(services);
        AddStep<PrepareFulfillment>(services);
        AddStep<CompleteOrder>(services);
        AddStep<MarkOrderFailed>(services);
        return services;
    }

    private static void AddStep<TStep>(IServiceCollection services)
        where TStep : class, IWorkflowStep
    {
        services.AddSingleton<TStep>();
        services.AddSingleton<IWorkflowStep>(provider => provider.GetRequiredService<TStep>());
    }
}
