using System.Reflection;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Cdk;

/// <summary>
/// The ports a function's code reaches: the port interfaces among its constructor's parameters, and among those of
/// the classes it takes (a step takes <c>OrderProgress</c>, which takes the store). The stack grants each function
/// the AWS access of exactly these ports, so a new dependency shows up in the function's policy on the next synth.
/// An Api-triggered function is the route table of an API: its ports are those its endpoints take, the handlers of
/// every endpoint group (a static class) in its namespace and below.
/// </summary>
internal static class FunctionPorts
{
    public static IReadOnlySet<Type> Of(Type function)
    {
        var ports = new HashSet<Type>();
        var seen = new HashSet<Type>();
        foreach (var type in function.GetCustomAttribute<FunctionAttribute>()?.Trigger == FunctionTrigger.Api ? Endpoints(function) : [function])
        {
            Walk(type, ports, seen);
        }
        return ports;
    }

    private static IEnumerable<Type> Endpoints(Type api) =>
        api.Assembly.GetTypes().Where(type =>
            type.IsAbstract && type.IsSealed
            && (type.Namespace == api.Namespace || type.Namespace?.StartsWith(api.Namespace + ".", StringComparison.Ordinal) == true));

    private static bool IsPort(Type type) => type.IsInterface && type.Namespace == typeof(IOrderStore).Namespace;

    private static bool IsOurs(Type type) => type.IsClass && type.Namespace?.StartsWith("StepOrders.", StringComparison.Ordinal) == true;

    private static void Walk(Type type, HashSet<Type> ports, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }
        // A static class (an endpoint group) takes its ports as handler parameters instead.
        var parameters = type.IsAbstract && type.IsSealed
            ? type.GetMethods(BindingFlags.Public | BindingFlags.Static).SelectMany(method => method.GetParameters())
            : type.GetConstructors().SelectMany(constructor => constructor.GetParameters());
        foreach (var parameter in parameters)
        {
            if (IsPort(parameter.ParameterType))
            {
                ports.Add(parameter.ParameterType);
            }
            else if (IsOurs(parameter.ParameterType))
            {
                Walk(parameter.ParameterType, ports, seen);
            }
        }
    }
}
