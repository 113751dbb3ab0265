using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Api;
using StepOrders.Lambda.ApiGateway;
using StepOrders.Orders;
using StepOrders.Steps;

namespace StepOrders.Lambda.Functions;

/// <summary>
/// The functions this executable serves: every registered service whose type carries a <see cref="FunctionAttribute"/>,
/// so the names come from the declarations and the set from the projects' own <c>AddStepOrders…()</c> registrations;
/// and the API, whose routes are mapped rather than registered, so it is declared on its route table,
/// <see cref="StepOrdersApi"/>. Each trigger has one adapter from its event to the function's code.
/// </summary>
internal static class FunctionCatalog
{
    public static IReadOnlyList<DeclaredFunction> Declared(IServiceCollection services) =>
        services
            .Select(descriptor => descriptor.ServiceType)
            .Distinct()
            .Select(type => (type, declaration: type.GetCustomAttribute<FunctionAttribute>()))
            .Where(candidate => candidate.declaration is not null)
            .Select(candidate => new DeclaredFunction(candidate.declaration!, candidate.type))
            .Append(new DeclaredFunction(typeof(StepOrdersApi).GetCustomAttribute<FunctionAttribute>()!, typeof(StepOrdersApi)))
            .ToList();

    /// <summary>Builds the adapter for the function, resolving its code (and so its dependencies) from the container.</summary>
    public static ILambdaFunction Create(DeclaredFunction function, IServiceProvider services) => function.Declaration.Trigger switch
    {
        FunctionTrigger.Api when function.Type == typeof(StepOrdersApi) => new ApiFunction(services.GetRequiredService<ApiGatewayServer>()),
        FunctionTrigger.Workflow when services.GetRequiredService(function.Type) is IWorkflowStep step =>
            new WorkflowStepFunction(step, services.GetService<StepTelemetry>()),
        FunctionTrigger.Queue when function.Type == typeof(StartOrderWorkflow) =>
            new QueueStarterFunction(services.GetRequiredService<StartOrderWorkflow>()),
        FunctionTrigger.Schedule when function.Type == typeof(ReconcilePendingOrders) =>
            new ScheduledFunction(services.GetRequiredService<ReconcilePendingOrders>()),
        _ => throw new NotSupportedException(
            $"The Lambda host has no adapter for {function.Name} ({function.Declaration.Trigger}-triggered {function.Type.Name})."),
    };
}
