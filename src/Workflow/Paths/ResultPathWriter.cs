using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;

namespace StepOrders.Workflow.Paths;

/// <summary>ASL: ResultPath — places a state's result into its raw input.</summary>
internal static class ResultPathWriter
{
    /// <summary>
    /// <c>null</c> ResultPath discards the result and passes the input through; <c>$</c> replaces the input;
    /// any other reference path sets the result there, creating missing objects on the way.
    /// The input is owned by the execution and is changed in place.
    /// </summary>
    public static JsonNode? Apply(JsonNode? input, JsonPath? resultPath, JsonNode? result)
    {
        if (resultPath is null)
        {
            return input;
        }

        var segments = resultPath.Segments;
        if (segments.Length == 0)
        {
            return result;
        }

        if (result is not null && input is not null && ReferenceEquals(result.Root, input.Root))
        {
            result = result.DeepClone();
        }

        var current = input;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (segments[i], current)
            {
                case (PropertySegment p, JsonObject o):
                    if (last)
                    {
                        o[p.Name] = result;
                        return input;
                    }

                    if (!o.TryGetPropertyValue(p.Name, out var child) || child is null)
                    {
                        child = new JsonObject();
                        o[p.Name] = child;
                    }

                    current = child;
                    break;
                case (IndexSegment x, JsonArray a) when x.Index >= 0 && x.Index < a.Count:
                    if (last)
                    {
                        a[x.Index] = result;
                        return input;
                    }

                    current = a[x.Index];
                    break;
                default:
                    throw new StatesErrorException(
                        ErrorNames.ResultPathMatchFailure,
                        $"Unable to apply ResultPath \"{resultPath.Text}\" to input \"{input?.ToJsonString() ?? "null"}\"");
            }
        }

        return input;
    }
}
