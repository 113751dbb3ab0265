using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// States.JsonMerge(left, right, deep): the members of both objects, right winning on a shared
/// name. AWS documents only the shallow mode (deep = false); with true, nested objects are merged
/// the same way instead of replaced.
/// </summary>
internal sealed class JsonMerge : IIntrinsicFunction
{
    public string Name => "States.JsonMerge";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(3);
        var left = arguments.Object(0);
        var right = arguments.Object(1);
        var deep = arguments.Boolean(2);
        var merged = (JsonObject)left.DeepClone();
        Merge(merged, right, deep);
        return merged;
    }

    private static void Merge(JsonObject target, JsonObject source, bool deep)
    {
        foreach (var (name, value) in source)
        {
            if (deep && value is JsonObject sourceChild && target[name] is JsonObject targetChild)
            {
                Merge(targetChild, sourceChild, deep);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
