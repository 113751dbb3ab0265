using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StepOrders.Conformance.Tests;

/// <summary>
/// JSON equality as the cases' README asks: objects without regard to key order, numbers by value
/// (<c>3</c> equals <c>3.0</c>), everything else exactly.
/// </summary>
internal static class JsonSemantics
{
    public static bool AreEqual(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (JsonObject e, JsonObject a) => e.Count == a.Count
            && e.All(p => a.TryGetPropertyValue(p.Key, out var value) && AreEqual(p.Value, value)),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(pair => AreEqual(pair.First, pair.Second)),
        (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number =>
            NumbersEqual(e.ToJsonString(), a.ToJsonString()),
        (JsonValue e, JsonValue a) => JsonNode.DeepEquals(e, a),
        _ => false,
    };

    private static bool NumbersEqual(string expected, string actual) =>
        decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
        && decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            ? e == a
            : double.Parse(expected, CultureInfo.InvariantCulture).Equals(double.Parse(actual, CultureInfo.InvariantCulture));
}
