using System.Text;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Paths;

/// <summary>
/// A compiled JSONPath in the subset Step Functions supports (ASL: Paths): <c>$.a.b</c>, <c>$['a']</c>,
/// <c>[n]</c>, <c>[*]</c>, slices, <c>..</c>, and the <c>$$</c> context object.
/// </summary>
public sealed class JsonPath
{
    private JsonPath(string text, PathRoot root, string? variable, PathSegment[] segments)
    {
        Text = text;
        RootKind = root;
        Variable = variable;
        Segments = segments;
        IsDefinite = Array.TrueForAll(segments, s => s.IsDefinite);
        IsReference = root == PathRoot.Input && segments.All(s => s is PropertySegment or IndexSegment);
    }

    /// <summary>The path <c>$</c>, the default of InputPath, OutputPath and ResultPath.</summary>
    public static JsonPath Root { get; } = new("$", PathRoot.Input, null, []);

    public string Text { get; }

    public PathRoot RootKind { get; }

    public string? Variable { get; }

    /// <summary>True when the path selects at most one node (no wildcard, slice or descent).</summary>
    public bool IsDefinite { get; }

    /// <summary>True for a Reference Path (ASL): only properties and indexes from <c>$</c>, as ResultPath needs.</summary>
    public bool IsReference { get; }

    internal PathSegment[] Segments { get; }

    public static JsonPath Parse(string text) => JsonPathParser.Parse(text);

    public static bool TryParse(string text, out JsonPath? path, out string? problem)
    {
        try
        {
            path = JsonPathParser.Parse(text);
            problem = null;
            return true;
        }
        catch (JsonPathSyntaxException e)
        {
            path = null;
            problem = e.Message;
            return false;
        }
    }

    internal static JsonPath Create(string text, PathRoot root, string? variable, PathSegment[] segments) =>
        segments.Length == 0 && root == PathRoot.Input ? Root : new(text, root, variable, segments);

    public override string ToString() => Text;

    /// <summary>The normalized form AWS quotes in errors: <c>$['a'][0]</c>, up to segment <paramref name="count"/>.</summary>
    internal string Normalized(int count)
    {
        var builder = new StringBuilder("$");
        for (var i = 0; i < count && i < Segments.Length; i++)
        {
            builder.Append(Segments[i] switch
            {
                PropertySegment p => $"['{p.Name}']",
                IndexSegment x => $"[{x.Index}]",
                WildcardSegment => "[*]",
                SliceSegment s => $"[{s.Start}:{s.End}]",
                DescendantSegment d => $"..['{d.Name ?? "*"}']",
                FilterSegment => "[?]",
                _ => "",
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Selects from <paramref name="root"/>. A definite path yields the node or a failure worded like AWS's
    /// ("No results for path", "Missing property in path"); an indefinite one yields an array, empty when nothing matches.
    /// </summary>
    internal bool TrySelect(JsonNode? root, out JsonNode? result, out string? failure)
    {
        failure = null;
        if (!IsDefinite)
        {
            var matches = new JsonArray();
            Collect(root, 0, matches);
            result = matches;
            return true;
        }

        var current = root;
        for (var i = 0; i < Segments.Length; i++)
        {
            JsonNode? next = null;
            var found = Segments[i] switch
            {
                PropertySegment p => current is JsonObject o && o.TryGetPropertyValue(p.Name, out next),
                IndexSegment x => current is JsonArray a && TryIndex(a, x.Index, out next),
                _ => false,
            };
            if (!found)
            {
                result = null;
                failure = i == Segments.Length - 1
                    ? $"No results for path: {Normalized(Segments.Length)}"
                    : $"Missing property in path {Normalized(i + 1)}";
                return false;
            }

            current = next;
        }

        result = current;
        return true;
    }

    private static bool TryIndex(JsonArray array, int index, out JsonNode? node)
    {
        var i = index < 0 ? array.Count + index : index;
        if (i >= 0 && i < array.Count)
        {
            node = array[i];
            return true;
        }

        node = null;
        return false;
    }

    private void Collect(JsonNode? node, int at, JsonArray into)
    {
        if (at == Segments.Length)
        {
            into.Add(node?.DeepClone());
            return;
        }

        switch (Segments[at])
        {
            case PropertySegment p when node is JsonObject o && o.TryGetPropertyValue(p.Name, out var v):
                Collect(v, at + 1, into);
                break;
            case IndexSegment x when node is JsonArray a && TryIndex(a, x.Index, out var item):
                Collect(item, at + 1, into);
                break;
            case WildcardSegment:
                foreach (var child in Children(node))
                {
                    Collect(child, at + 1, into);
                }

                break;
            case SliceSegment s when node is JsonArray a:
                foreach (var i in SliceIndexes(s, a.Count))
                {
                    Collect(a[i], at + 1, into);
                }

                break;
            case DescendantSegment d:
                CollectDescendants(node, d.Name, at, into);
                break;
            case FilterSegment f:
                foreach (var child in Children(node).Where(f.Accepts))
                {
                    Collect(child, at + 1, into);
                }

                break;
        }
    }

    private void CollectDescendants(JsonNode? node, string? name, int at, JsonArray into)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                if (name is null || key == name)
                {
                    Collect(value, at + 1, into);
                }
            }
        }
        else if (node is JsonArray a && name is null)
        {
            foreach (var value in a)
            {
                Collect(value, at + 1, into);
            }
        }

        foreach (var child in Children(node))
        {
            CollectDescendants(child, name, at, into);
        }
    }

    private static IEnumerable<JsonNode?> Children(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value),
        JsonArray a => a,
        _ => [],
    };

    private static IEnumerable<int> SliceIndexes(SliceSegment s, int count)
    {
        static int Clamp(int i, int count) => Math.Clamp(i < 0 ? count + i : i, 0, count);
        var start = s.Start is { } a ? Clamp(a, count) : 0;
        var end = s.End is { } b ? Clamp(b, count) : count;
        for (var i = start; i < end; i += s.Step)
        {
            yield return i;
        }
    }
}
