using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Intrinsics;

namespace StepOrders.Workflow.Paths;

/// <summary>
/// The one call site of intrinsic functions (<c>States.Format(...)</c> …) from Parameters, ResultSelector
/// and Fail paths; the functions themselves live in <c>Intrinsics/</c>.
/// </summary>
internal static class IntrinsicCall
{
    public static bool IsIntrinsic(string expression) =>
        expression.StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Checks the call when the definition is parsed; null when it is valid.</summary>
    public static string? Validate(string expression)
    {
        try
        {
            IntrinsicFunctions.Parse(expression);
            return null;
        }
        catch (IntrinsicSyntaxException e)
        {
            return e.Message;
        }
    }

    public static JsonNode? Evaluate(string expression, PathScope scope)
    {
        try
        {
            return IntrinsicFunctions.Evaluate(
                expression, path => scope.Select(JsonPath.Parse(path)), new IntrinsicContext(new Random()));
        }
        catch (IntrinsicFailureException e)
        {
            throw new StatesErrorException(e.Error, e.Cause);
        }
    }
}
