using System.Globalization;
using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>
/// The members of a request body, read the way the service reads them: a member of the wrong JSON type is a
/// SerializationException, a value outside its constraints a ValidationException, <c>null</c> the same as absent.
/// </summary>
internal readonly struct ApiRequest(JsonElement body)
{
    public string RequiredString(string name) => String(name) ?? throw StepFunctionsFault.Missing(name);

    public string? String(string name) => Member(name, JsonValueKind.String, "a string") is { } value ? value.GetString() : null;

    public bool? Bool(string name) => Member(name, JsonValueKind.True, "a boolean") is { } value ? value.GetBoolean() : null;

    /// <summary>An integer member within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? Int(string name, int min, int max)
    {
        if (Member(name, JsonValueKind.Number, "a number") is not { } value)
        {
            return null;
        }

        return value.TryGetInt32(out var number) && number >= min && number <= max
            ? number
            : throw StepFunctionsFault.Invalid(name, value.GetRawText(),
                string.Create(CultureInfo.InvariantCulture, $"Member must have value between {min} and {max} inclusive"));
    }

    /// <summary>A string member that must be one of <paramref name="allowed"/>.</summary>
    public string? Enum(string name, params string[] allowed)
    {
        var value = String(name);
        return value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw StepFunctionsFault.Invalid(name, value, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
    }

    public JsonElement? Object(string name) => Member(name, JsonValueKind.Object, "an object");

    private JsonElement? Member(string name, JsonValueKind kind, string what)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var matches = value.ValueKind == kind || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
        return matches ? value : throw StepFunctionsFault.Malformed($"'{name}' must be {what}.");
    }
}
