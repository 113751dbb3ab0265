using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>States.ArrayUnique(array): the items without repeats, each kept where it first appears.</summary>
internal sealed class ArrayUnique : IIntrinsicFunction
{
    public string Name => "States.ArrayUnique";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new JsonArray();
        foreach (var item in arguments.Array(0))
        {
            var key = new StringBuilder();
            AppendKey(key, item);
            if (seen.Add(key.ToString()))
            {
                unique.Add(item?.DeepClone());
            }
        }

        return unique;
    }

    // A text that is equal for equal JSON values: members sorted by name, numbers by value
    // (1, 1.0 and 1e0 are one number), so duplicates are found in linear time.
    private static void AppendKey(StringBuilder key, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                key.Append('{');
                foreach (var (name, member) in obj.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    key.Append(JsonSerializer.Serialize(name)).Append(':');
                    AppendKey(key, member);
                    key.Append(',');
                }

                key.Append('}');
                break;
            case JsonArray array:
                key.Append('[');
                foreach (var item in array)
                {
                    AppendKey(key, item);
                    key.Append(',');
                }

                key.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                var text = value.ToJsonString();
                key.Append(decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
                    ? m.ToString("G29", CultureInfo.InvariantCulture)
                    : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                key.Append(JavaText.ToJson(node));
                break;
        }
    }
}
