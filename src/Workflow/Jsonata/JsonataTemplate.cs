using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Jsonata;

/// <summary>
/// JSONata fields (Arguments, Output, Assign, Items, ...): a JSON value in which every string of the
/// form "{% expression %}" is replaced by the expression's value and everything else is literal.
/// The braces must be the first and last characters: " {% x %} " is a literal string (recorded in
/// outputdecl/base_cases_BASE_LITERALS).
/// </summary>
internal static class JsonataTemplate
{
    /// <summary>
    /// Evaluates <paramref name="template"/> for the ASL field <paramref name="field"/> ("Output"); a
    /// failure inside it names the path to the value, as AWS does ("Output/result").
    /// </summary>
    /// <exception cref="QueryEvaluationException">An expression failed or returned nothing.</exception>
    public static JsonNode? Evaluate(
        JsonataEvaluator evaluator,
        string field,
        JsonNode? template,
        JsonNode? input,
        IReadOnlyDictionary<string, JsonNode?> bindings)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        if (!HasExpressions(template))
        {
            return template?.DeepClone();
        }

        return evaluator.WithScope(input, bindings, evaluate => Build(template, field, evaluate));
    }

    /// <summary>Whether <paramref name="value"/> is "{% ... %}", and the expression inside it.</summary>
    public static bool TryGetExpression(string value, [NotNullWhen(true)] out string? expression)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length >= 4 && value.StartsWith("{%", StringComparison.Ordinal) && value.EndsWith("%}", StringComparison.Ordinal))
        {
            expression = value[2..^2].Trim();
            return true;
        }

        expression = null;
        return false;
    }

    /// <summary>Whether any string in the value is an expression.</summary>
    public static bool HasExpressions(JsonNode? template) => template switch
    {
        JsonObject obj => obj.Any(member => HasExpressions(member.Value)),
        JsonArray array => array.Any(HasExpressions),
        JsonValue value => value.TryGetValue<string>(out var text) && TryGetExpression(text, out _),
        _ => false,
    };

    private static JsonNode? Build(JsonNode? template, string path, Func<string, string?, JsonNode?> evaluate)
    {
        switch (template)
        {
            case JsonObject obj:
                var built = new JsonObject();
                foreach (var (name, member) in obj)
                {
                    built[name] = Build(member, $"{path}/{name}", evaluate);
                }

                return built;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add(Build(array[i], $"{path}/{i}", evaluate));
                }

                return items;
            case JsonValue value when value.TryGetValue<string>(out var text) && TryGetExpression(text, out var expression):
                return evaluate(expression, path);
            default:
                return template?.DeepClone();
        }
    }
}
