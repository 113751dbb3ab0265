using System.Globalization;

namespace StepOrders.Workflow.Paths;

/// <summary>Parses the JSONPath subset of ASL (Paths, Reference Paths) into segments.</summary>
internal static class JsonPathParser
{
    public static JsonPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[0] != '$')
        {
            throw new JsonPathSyntaxException(text, 0, "a path must start with '$'");
        }

        var root = PathRoot.Input;
        string? variable = null;
        var at = 1;
        if (at < text.Length && text[at] == '$')
        {
            root = PathRoot.Context;
            at++;
        }
        else if (at < text.Length && IsNameChar(text[at]))
        {
            var start = at;
            while (at < text.Length && IsNameChar(text[at]))
            {
                at++;
            }

            root = PathRoot.Variable;
            variable = text[start..at];
        }

        var segments = new List<PathSegment>();
        while (at < text.Length)
        {
            segments.Add(text[at] switch
            {
                '.' => ParseDot(text, ref at),
                '[' => ParseBracket(text, ref at),
                _ => throw new JsonPathSyntaxException(text, at, $"unexpected '{text[at]}'"),
            });
        }

        return JsonPath.Create(text, root, variable, [.. segments]);
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static PathSegment ParseDot(string text, ref int at)
    {
        at++;
        var descendant = at < text.Length && text[at] == '.';
        if (descendant)
        {
            at++;
        }

        if (at < text.Length && text[at] == '*')
        {
            at++;
            return descendant ? new DescendantSegment(null) : new WildcardSegment();
        }

        if (descendant && at < text.Length && text[at] == '[')
        {
            var inner = ParseBracket(text, ref at);
            return inner is PropertySegment p ? new DescendantSegment(p.Name) : new DescendantSegment(null);
        }

        var start = at;
        while (at < text.Length && text[at] != '.' && text[at] != '[')
        {
            at++;
        }

        if (at == start)
        {
            throw new JsonPathSyntaxException(text, start, "expected a property name");
        }

        var name = text[start..at];
        return descendant ? new DescendantSegment(name) : new PropertySegment(name);
    }

    private static PathSegment ParseBracket(string text, ref int at)
    {
        var open = at;
        at++;
        if (at < text.Length && (text[at] == '\'' || text[at] == '"'))
        {
            var quote = text[at];
            var end = text.IndexOf(quote, at + 1);
            if (end < 0 || end + 1 >= text.Length || text[end + 1] != ']')
            {
                throw new JsonPathSyntaxException(text, at, "unterminated quoted name");
            }

            var name = text[(at + 1)..end];
            at = end + 2;
            return new PropertySegment(name);
        }

        if (at < text.Length && text[at] == '?')
        {
            return ParseFilter(text, ref at);
        }

        var close = text.IndexOf(']', at);
        if (close < 0)
        {
            throw new JsonPathSyntaxException(text, open, "missing ']'");
        }

        var body = text[at..close].Trim();
        at = close + 1;
        if (body == "*")
        {
            return new WildcardSegment();
        }

        if (body.Contains(':', StringComparison.Ordinal))
        {
            var parts = body.Split(':');
            if (parts.Length > 3)
            {
                throw new JsonPathSyntaxException(text, open, "a slice has at most three parts");
            }

            var step = parts.Length == 3 && parts[2].Length > 0 ? Int(text, open, parts[2]) : 1;
            if (step <= 0)
            {
                throw new JsonPathSyntaxException(text, open, "a slice step must be positive");
            }

            return new SliceSegment(Optional(text, open, parts[0]), Optional(text, open, parts[1]), step);
        }

        return new IndexSegment(Int(text, open, body));
    }

    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "<", ">"];

    private static FilterSegment ParseFilter(string text, ref int at)
    {
        var end = text.IndexOf(")]", at, StringComparison.Ordinal);
        if (at + 2 >= text.Length || text[at + 1] != '(' || end < 0)
        {
            throw new JsonPathSyntaxException(text, at, "a filter must look like [?(@.field == value)]");
        }

        var body = text[(at + 2)..end].Trim();
        at = end + 2;
        if (!body.StartsWith('@'))
        {
            throw new JsonPathSyntaxException(text, at, "a filter must test a field of '@'");
        }

        foreach (var op in Operators)
        {
            var index = body.IndexOf(op, StringComparison.Ordinal);
            if (index > 0)
            {
                var literal = body[(index + op.Length)..].Trim();
                if (literal.Length > 1 && literal[0] == '\'' && literal[^1] == '\'')
                {
                    literal = System.Text.Json.JsonSerializer.Serialize(literal[1..^1]);
                }

                return new FilterSegment(Parse("$" + body[1..index].Trim()), op, System.Text.Json.Nodes.JsonNode.Parse(literal));
            }
        }

        return new FilterSegment(Parse("$" + body[1..]), null, null);
    }

    private static int? Optional(string text, int at, string part) =>
        part.Trim().Length == 0 ? null : Int(text, at, part);

    private static int Int(string text, int at, string part) =>
        int.TryParse(part.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonPathSyntaxException(text, at, $"'{part}' is not an index, '*' or a slice");
}
