using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// The evaluated arguments of one call, with the checks every function shares: how many there
/// are, and what JSON type each one has. Each failure is States.Runtime with a cause naming the
/// function, the argument (1-based) and the value.
/// </summary>
internal sealed class IntrinsicArguments(string function, IReadOnlyList<JsonNode?> values, IReadOnlyList<IntrinsicArgument> syntax)
{
    public string Function { get; } = function;

    public int Count => values.Count;

    public JsonNode? this[int index] => values[index];

    /// <summary>How the argument was written; States.Format needs to know which braces were escaped.</summary>
    public IntrinsicArgument SyntaxOf(int index) => syntax[index];

    public void ExpectCount(int count) => ExpectCount(count, count);

    public void ExpectCount(int min, int max)
    {
        if (Count >= min && Count <= max)
        {
            return;
        }

        var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
        var last = max == int.MaxValue ? min : max;
        throw Invalid($"expected {expected} argument{(last == 1 ? string.Empty : "s")} but received {Count}");
    }

    public string String(int index) =>
        values[index] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw WrongType(index, "a string");

    public JsonArray Array(int index) => values[index] as JsonArray ?? throw WrongType(index, "an array");

    public JsonObject Object(int index) => values[index] as JsonObject ?? throw WrongType(index, "a JSON object");

    public bool Boolean(int index) =>
        values[index] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValueKind() == JsonValueKind.True
            : throw WrongType(index, "a boolean");

    public double Number(int index) =>
        values[index] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? JsonNumber.GetDouble(value)
            : throw WrongType(index, "a number");

    /// <summary>
    /// An integer argument. AWS documents that it rounds a non-integer "to the nearest integer", and
    /// its recordings show Java's Math.round: halves go up (0.5 → 1, -0.5 → 0, -2.5 → -2).
    /// </summary>
    public long Integer(int index)
    {
        var number = Number(index);
        var floor = Math.Floor(number);
        var rounded = number - floor >= 0.5 ? floor + 1 : floor;
        if (rounded is < long.MinValue or > long.MaxValue)
        {
            throw Invalid($"argument {index + 1} is out of range: {JavaText.ToJson(values[index])}");
        }

        return (long)rounded;
    }

    public IntrinsicFailureException Invalid(string problem) =>
        new(IntrinsicFailureException.RuntimeError, $"Invalid arguments in {Function}: {problem}.");

    private IntrinsicFailureException WrongType(int index, string expected) =>
        Invalid($"argument {index + 1} must be {expected}, but was {Describe(values[index])}");

    private static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var kind = node switch
        {
            JsonObject => "an object",
            JsonArray => "an array",
            _ => node.GetValueKind() switch
            {
                JsonValueKind.String => "a string",
                JsonValueKind.Number => "a number",
                _ => "a boolean",
            },
        };
        var json = JavaText.ToJson(node);
        return $"{kind}: {(json.Length > 100 ? json[..100] + "..." : json)}";
    }
}
