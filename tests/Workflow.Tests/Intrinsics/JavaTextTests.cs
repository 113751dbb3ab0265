using System.Text.Json.Nodes;
using StepOrders.Workflow.Intrinsics;

namespace StepOrders.Workflow.Tests.Intrinsics;

public class JavaTextTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("-0", "0")]
    [InlineData("1.10", "1.1")]
    [InlineData("1.0", "1.0")]
    [InlineData("100e-2", "1.0")]
    [InlineData("0.001", "0.001")]
    [InlineData("0.0001", "1.0E-4")]
    [InlineData("1234567.5", "1234567.5")]
    [InlineData("12345678.5", "1.23456785E7")]
    [InlineData("1e21", "1.0E21")]
    [InlineData("-2.5e-7", "-2.5E-7")]
    [InlineData("0.0", "0.0")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    public void Numbers_print_as_Java_prints_them(string json, string expected) =>
        Assert.Equal(expected, JavaText.Number(JsonNode.Parse(json)!.AsValue()));

    [Fact]
    public void Objects_and_arrays_print_as_Java_maps_and_lists() =>
        Assert.Equal(
            "{Arg1=1, Arg2=[], s=text, n=null, o={x=[1, true]}}",
            JavaText.ToDisplayString(JsonNode.Parse("""{ "Arg1": 1, "Arg2": [], "s": "text", "n": null, "o": { "x": [1, true] } }""")));

    [Fact]
    public void Control_characters_are_escaped_in_JSON_text() =>
        Assert.Equal("\"\\u0001\\b\\f\\r\"", JavaText.ToJson(JsonValue.Create("\u0001\b\f\r")));
}
