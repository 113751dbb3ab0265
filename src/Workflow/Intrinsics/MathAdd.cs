using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// States.MathAdd(a, b): the sum of two integers in Java's int range. AWS rounds each argument
/// first, halves up, so States.MathAdd(1.49, 1.5) is 1 + 2 = 3 (recorded: math_add__exec_hist_resp_*).
/// </summary>
internal sealed class MathAdd : IIntrinsicFunction
{
    public string Name => "States.MathAdd";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(2);
        return JsonValue.Create((long)Int32(arguments, 0) + Int32(arguments, 1));
    }

    /// <summary>An argument rounded to an integer that must fit Java's int, as AWS documents for its math intrinsics.</summary>
    public static int Int32(IntrinsicArguments arguments, int index)
    {
        var value = arguments.Integer(index);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw arguments.Invalid($"argument {index + 1} ({value}) is outside the range {int.MinValue} to {int.MaxValue}");
    }
}
