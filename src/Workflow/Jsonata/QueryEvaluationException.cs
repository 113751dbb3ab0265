using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Jsonata;

/// <summary>
/// A JSONata expression failed; the state fails with States.QueryEvaluationError. Causes use AWS's
/// wording; the interpreter prefixes "An error occurred while executing the state 'X' (entered at
/// the event id #N). " as AWS does.
/// </summary>
internal sealed class QueryEvaluationException(string cause) : Exception(cause)
{
    public const string QueryEvaluationError = "States.QueryEvaluationError";

    public string Error => QueryEvaluationError;

    public string Cause { get; } = cause;

    /// <summary>Recorded: "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined)."</summary>
    public static QueryEvaluationException ReturnedNothing(string expression, string? field) =>
        new($"{Subject(expression, field)} returned nothing (undefined).");

    /// <summary>Recorded for a function result: "... specified for the field 'Items' returned an unsupported result type."</summary>
    public static QueryEvaluationException UnsupportedResult(string expression, string? field) =>
        new($"{Subject(expression, field)} returned an unsupported result type.");

    /// <summary>A JSONata error (syntax, type, or a failing function): "... threw an error during evaluation. T0410: ...".</summary>
    public static QueryEvaluationException Threw(string expression, string? field, string error) =>
        new($"{Subject(expression, field)} threw an error during evaluation. {error}");

    /// <summary>
    /// For fields that need one JSON type, recorded for Map Items: "... specified for the field 'Items'
    /// returned an unexpected result type. Expected 'array', but was 'boolean' for value: true".
    /// </summary>
    public static QueryEvaluationException UnexpectedType(string expression, string field, string expected, JsonNode? value) =>
        new($"{Subject(expression, field)} returned an unexpected result type. Expected '{expected}', but was '{TypeName(value)}' for value: {value?.ToJsonString() ?? "null"}");

    /// <summary>The JSONata name of a JSON value's type: array, boolean, null, number, object or string.</summary>
    public static string TypeName(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };

    private static string Subject(string expression, string? field) =>
        field is null
            ? $"The JSONata expression '{expression}'"
            : $"The JSONata expression '{expression}' specified for the field '{field}'";
}
