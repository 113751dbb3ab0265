namespace StepOrders.Workflow.Tests.Intrinsics;

public class StringToJsonTests
{
    [Theory]
    [InlineData("{\"foo\": \"bar\"}", """{ "foo": "bar" }""")]
    [InlineData("[1, 2, \"x\"]", "[1, 2, \"x\"]")]
    [InlineData("-0", "0")]
    [InlineData("null", "null")]
    [InlineData("", "null")]
    [InlineData("   ", "null")]
    public void The_string_is_parsed_and_blank_gives_null(string text, string expected) =>
        Intrinsic.AssertJson(expected, Intrinsic.Evaluate("States.StringToJson($.s)", $$"""{ "s": {{System.Text.Json.JsonSerializer.Serialize(text)}} }"""));

    [Fact]
    public void A_literal_with_unescaped_braces_is_parsed()
    {
        Intrinsic.AssertJson("""{ "constant_in_literal": "false" }""", Intrinsic.Evaluate("States.StringToJson('{\"constant_in_literal\": \"false\"}')"));
    }

    [Theory]
    [InlineData("""{ "s": "{not json" }""", "the string is not valid JSON")]
    [InlineData("""{ "s": 1 }""", "argument 1 must be a string, but was a number: 1")]
    public void Anything_but_a_JSON_string_fails(string input, string problem)
    {
        var error = Intrinsic.Failure("States.StringToJson($.s)", input);

        Assert.StartsWith($"Invalid arguments in States.StringToJson: {problem}", error.Cause, StringComparison.Ordinal);
    }
}
