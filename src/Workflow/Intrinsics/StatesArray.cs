using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.Array(values...): the values, in order, as an array. (Named so as not to hide System.Array.)</summary>
internal sealed class StatesArray : IIntrinsicFunction
{
    public string Name => "States.Array";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        var array = new JsonArray();
        for (var i = 0; i < arguments.Count; i++)
        {
            array.Add(arguments[i]?.DeepClone());
        }

        return array;
    }
}
