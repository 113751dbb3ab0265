using StepOrders.Orders;

namespace StepOrders.Lambda.Functions;

/// <summary>A registered service type with its <see cref="FunctionAttribute"/>: what <c>_HANDLER</c> can name.</summary>
internal sealed record DeclaredFunction(FunctionAttribute Declaration, Type Type)
{
    public string Name => Declaration.Name;
}
