using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// States.StringToJson(text): the parsed JSON value. AWS returns null for an empty or blank string
/// rather than failing (recorded: string_to_json__exec_hist_resp_0 and _1).
/// </summary>
internal sealed class StringToJson : IIntrinsicFunction
{
    public string Name => "States.StringToJson";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(1);
        var text = arguments.String(0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw arguments.Invalid($"the string is not valid JSON ({e.Message})");
        }
    }
}
