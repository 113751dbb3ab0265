using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.JsonToString(value): the value as compact JSON text.</summary>
internal sealed class JsonToString : IIntrinsicFunction
{
    public string Name => "States.JsonToString";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(1);
        return JsonValue.Create(JavaText.ToJson(arguments[0]));
    }
}
