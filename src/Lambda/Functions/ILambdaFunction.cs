using StepOrders.Lambda.Runtime;

namespace StepOrders.Lambda.Functions;

/// <summary>One declared function as the runtime loop calls it: the raw event in, a JSON response or an error out.</summary>
internal interface ILambdaFunction
{
    Task<FunctionResult> InvokeAsync(Invocation invocation, CancellationToken cancellationToken);
}
