using System.Text.Json.Nodes;
using StepOrders.Workflow.Intrinsics;

namespace StepOrders.Workflow.Tests.Intrinsics;

/// <summary>Evaluates an intrinsic call against a JSON input, the way a Pass state's Parameters would.</summary>
internal static class Intrinsic
{
    public static JsonNode? Evaluate(string expression, string input = "{}", int seed = 7) =>
        IntrinsicFunctions.Evaluate(expression, TestPaths.Resolver(JsonNode.Parse(input)), new IntrinsicContext(new Random(seed)));

    public static IntrinsicFailureException Failure(string expression, string input = "{}") =>
        Assert.ThrowsAny<IntrinsicFailureException>(() => Evaluate(expression, input));

    /// <summary>Asserts JSON equality the way the conformance README asks: numbers by value, members in any order.</summary>
    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected} but was {actual?.ToJsonString() ?? "null"}");
}
