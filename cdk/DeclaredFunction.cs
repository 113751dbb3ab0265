using System.Reflection;
using StepOrders.Orders;

namespace StepOrders.Cdk;

/// <summary>A function as its code declares it: the class and its <see cref="FunctionAttribute"/>.</summary>
internal sealed record DeclaredFunction(Type Type, FunctionAttribute Declaration)
{
    public string Name => Declaration.Name;

    public FunctionTrigger Trigger => Declaration.Trigger;

    /// <summary>Every class with a <see cref="FunctionAttribute"/> in the given assemblies, by name.</summary>
    public static IReadOnlyList<DeclaredFunction> In(params Assembly[] assemblies) =>
        assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (type, declaration: type.GetCustomAttribute<FunctionAttribute>()))
            .Where(candidate => candidate.declaration is not null)
            .Select(candidate => new DeclaredFunction(candidate.type, candidate.declaration!))
            .OrderBy(function => function.Name, StringComparer.Ordinal)
            .ToList();
}
