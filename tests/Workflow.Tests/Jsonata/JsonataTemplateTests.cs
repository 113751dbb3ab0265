using System.Text.Json.Nodes;
using StepOrders.Workflow.Jsonata;
using StepOrders.Workflow.Tests.Intrinsics;

namespace StepOrders.Workflow.Tests.Jsonata;

public class JsonataTemplateTests
{
    private static readonly Dictionary<string, JsonNode?> Bindings = new()
    {
        ["states"] = JsonNode.Parse("""{ "input": { "name": "Ada", "values": [1, 2, 3] } }"""),
        ["greeting"] = "Hello",
    };

    [Fact]
    public void Expression_strings_are_evaluated_anywhere_and_everything_else_is_literal()
    {
        var template = JsonNode.Parse("""
            {
              "text": "{% $greeting & ', ' & $states.input.name %}",
              "sum": "{% $sum($states.input.values) %}",
              "list": [1, "{% $states.input.values[1] %}", { "deep": "{% true %}" }],
              "{% key %}": "keys are not evaluated",
              "spaced": " {% $states.input %} ",
              "path": "$states.input",
              "jsonpath.$": "$",
              "number": 0.1,
              "none": null
            }
            """);

        var result = JsonataTemplate.Evaluate(Evaluators.Shared, "Output", template, null, Bindings);

        Intrinsic.AssertJson(
            """
            {
              "text": "Hello, Ada", "sum": 6, "list": [1, 2, { "deep": true }], "{% key %}": "keys are not evaluated",
              "spaced": " {% $states.input %} ", "path": "$states.input", "jsonpath.$": "$", "number": 0.1, "none": null
            }
            """,
            result);
    }

    [Fact]
    public void A_template_without_expressions_is_copied()
    {
        var template = JsonNode.Parse("""{ "a": [1, { "b": "{% not closed" }] }""");

        var result = JsonataTemplate.Evaluate(Evaluators.Shared, "Arguments", template, null, Bindings);

        Assert.True(JsonNode.DeepEquals(template, result));
        Assert.NotSame(template, result);
    }

    [Theory]
    [InlineData("\"{% $doesNotExist %}\"", "Output")]
    [InlineData("""{ "result": "{% $doesNotExist %}" }""", "Output/result")]
    [InlineData("""{ "a": { "b": [0, "{% $doesNotExist %}"] } }""", "Output/a/b/1")]
    public void A_failure_names_the_path_to_the_expression(string template, string field)
    {
        var error = Assert.Throws<QueryEvaluationException>(() =>
            JsonataTemplate.Evaluate(Evaluators.Shared, "Output", JsonNode.Parse(template), null, Bindings));

        Assert.Equal($"The JSONata expression '$doesNotExist' specified for the field '{field}' returned nothing (undefined).", error.Cause);
    }

    [Theory]
    [InlineData("{% $x %}", "$x")]
    [InlineData("{%$x%}", "$x")]
    [InlineData("{%  \n $x \n %}", "$x")]
    [InlineData(" {% $x %}", null)]
    [InlineData("{% $x %} ", null)]
    [InlineData("$x", null)]
    public void Only_a_string_that_starts_and_ends_with_the_braces_is_an_expression(string value, string? expected)
    {
        var found = JsonataTemplate.TryGetExpression(value, out var expression);

        Assert.Equal(expected is not null, found);
        Assert.Equal(expected, expression);
    }
}
