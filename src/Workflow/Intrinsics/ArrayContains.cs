using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.ArrayContains(array, value): whether some item equals the value (deep JSON equality).</summary>
internal sealed class ArrayContains : IIntrinsicFunction
{
    public string Name => "States.ArrayContains";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(2);
        var array = arguments.Array(0);
        var value = arguments[1];
        return JsonValue.Create(array.Any(item => JsonNode.DeepEquals(item, value)));
    }
}
