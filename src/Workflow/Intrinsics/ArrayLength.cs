using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.ArrayLength(array): the number of items.</summary>
internal sealed class ArrayLength : IIntrinsicFunction
{
    public string Name => "States.ArrayLength";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(1);
        return JsonValue.Create(arguments.Array(0).Count);
    }
}
