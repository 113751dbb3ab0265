using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;

namespace StepOrders.Workflow.Paths;

/// <summary>
/// The one call site of intrinsic functions (<c>States.Format(...)</c> …) from Parameters, ResultSelector
/// and Fail paths. The evaluator itself lives in <c>Intrinsics/</c> (another engineer's folder); until its
/// entry point lands, an intrinsic fails the state with States.Runtime.
/// </summary>
internal static class IntrinsicCall
{
    public static bool IsIntrinsic(string expression) =>
        expression.StartsWith("States.", StringComparison.Ordinal);

    public static JsonNode? Evaluate(string expression, PathScope scope)
    {
        // Seam: replace with IntrinsicFunctions.Evaluate(expression, resolvePath, context) when it exists.
        _ = scope;
        throw StatesErrorException.Runtime($"Intrinsic functions are not available yet: {expression}");
    }
}
