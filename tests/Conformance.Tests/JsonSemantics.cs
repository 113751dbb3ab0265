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
            NumbersEqual(e.GetValue<JsonElement>(), a.GetValue<JsonElement>()),
        (JsonValue e, JsonValue a) => JsonNode.DeepEquals(e, a),
        _ => false,
    };

    private static bool NumbersEqual(JsonElement expected, JsonElement actual) =>
        expected.TryGetDecimal(out var e) && actual.TryGetDecimal(out var a)
            ? e == a
            : expected.GetDouble().Equals(actual.GetDouble());
}
