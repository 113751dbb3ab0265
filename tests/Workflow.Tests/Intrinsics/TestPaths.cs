using System.Globalization;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Tests.Intrinsics;

/// <summary>
/// A stand-in for the interpreter's JSONPath resolver, enough for the plain paths intrinsic
/// arguments use in the tests: "$", "$.a.b[0]", "$['a']", "$$.Execution.Input.x" and "$var.x".
/// </summary>
internal static class TestPaths
{
    public static Func<string, JsonNode?> Resolver(JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? variables = null) =>
        path => Resolve(path, input, variables ?? new Dictionary<string, JsonNode?>());

    private static JsonNode? Resolve(string path, JsonNode? input, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        JsonNode? current;
        int at;
        if (path.StartsWith("$$", StringComparison.Ordinal))
        {
            current = new JsonObject { ["Execution"] = new JsonObject { ["Input"] = input?.DeepClone() } };
            at = 2;
        }
        else if (path.Length > 1 && char.IsLetter(path[1]))
        {
            at = 1;
            while (at < path.Length && (char.IsLetterOrDigit(path[at]) || path[at] == '_'))
            {
                at++;
            }

            current = variables.TryGetValue(path[1..at], out var value)
                ? value
                : throw new KeyNotFoundException($"No variable in {path}");
        }
        else
        {
            current = input;
            at = 1;
        }

        while (at < path.Length)
        {
            if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                end = end < 0 ? path.Length : end;
                current = Member(current, path[(at + 1)..end], path);
                at = end;
            }
            else if (path[at] == '[')
            {
                var end = path.IndexOf(']', at);
                var key = path[(at + 1)..end];
                current = key.StartsWith('\'')
                    ? Member(current, key.Trim('\''), path)
                    : current is JsonArray array ? array[int.Parse(key, CultureInfo.InvariantCulture)] : throw new KeyNotFoundException(path);
                at = end + 1;
            }
            else
            {
                throw new FormatException($"Unsupported test path {path}");
            }
        }

        return current;
    }

    private static JsonNode? Member(JsonNode? node, string name, string path) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"No {name} in {path}");
}
