using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.ArrayGetItem(array, index): the item at a zero-based index that must lie inside the array.</summary>
internal sealed class ArrayGetItem : IIntrinsicFunction
{
    public string Name => "States.ArrayGetItem";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(2);
        var array = arguments.Array(0);
        var index = arguments.Integer(1);
        if (index < 0 || index >= array.Count)
        {
            throw arguments.Invalid($"the index {index} is out of bounds for an array of {array.Count} item{(array.Count == 1 ? string.Empty : "s")}");
        }

        return array[(int)index]?.DeepClone();
    }
}
