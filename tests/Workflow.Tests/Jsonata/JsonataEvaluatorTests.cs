using System.Text.Json.Nodes;
using StepOrders.Workflow.Jsonata;
using StepOrders.Workflow.Tests.Intrinsics;

namespace StepOrders.Workflow.Tests.Jsonata;

public class JsonataEvaluatorTests
{
    private static readonly Dictionary<string, JsonNode?> States = new()
    {
        ["states"] = JsonNode.Parse("""
            {
              "input": { "items": [{ "price": 3, "name": "a" }, { "price": 5, "name": "b" }], "text": "{\"a\": [1, 2]}", "n": 2.5 },
              "context": { "Execution": { "Name": "order-1" } }
            }
            """),
        ["$limit"] = 4,
        ["label"] = "total",
    };

    [Theory]
    [InlineData("$states.input.items[price > 4].name", "\"b\"")]
    [InlineData("$sum($states.input.items.price) + $limit", "12")]
    [InlineData("{ $label: $sum($states.input.items.price) }", """{ "total": 8 }""")]
    [InlineData("$states.context.Execution.Name", "\"order-1\"")]
    [InlineData("$states.input.n * 2", "5")]
    [InlineData("null", "null")]
    [InlineData("[]", "[]")]
    [InlineData("-0", "0")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("$string(1e21)", "\"1e+21\"")]
    public void Expressions_see_states_and_variables_as_bindings(string expression, string expected) =>
        Intrinsic.AssertJson(expected, Evaluators.Shared.Evaluate(expression, null, States));

    [Fact]
    public void The_input_is_what_the_context_refers_to() =>
        Intrinsic.AssertJson("[1, 2]", Evaluators.Shared.Evaluate("a", JsonNode.Parse("""{ "a": [1, 2] }"""), States));

    [Fact]
    public void An_expression_that_returns_nothing_fails_as_AWS_words_it()
    {
        var error = Assert.Throws<QueryEvaluationException>(() => Evaluators.Shared.Evaluate("$doesNotExist", null, States, "Output"));

        Assert.Equal("States.QueryEvaluationError", error.Error);
        Assert.Equal("The JSONata expression '$doesNotExist' specified for the field 'Output' returned nothing (undefined).", error.Cause);
    }

    [Theory]
    [InlineData("$fn := function($x){$x}")]
    [InlineData("$sum")]
    [InlineData("{ 'f': function(){ 1 } }")]
    public void A_function_is_an_unsupported_result(string expression) =>
        Assert.Equal(
            $"The JSONata expression '{expression}' specified for the field 'Items' returned an unsupported result type.",
            Assert.Throws<QueryEvaluationException>(() => Evaluators.Shared.Evaluate(expression, null, States, "Items")).Cause);

    [Theory]
    [InlineData("1 + 'a'", "T2002: The right side of the \"+\" operator must evaluate to a number")]
    [InlineData("$states.input.", "S0207: Unexpected end of expression")]
    [InlineData("$number('abc')", "D3030: Unable to cast value to a number: \"abc\"")]
    [InlineData("$range('0', 4, 1)", "T0410: Argument 1 of function \"range\" does not match function signature")]
    [InlineData("$eval('1')", "The function $eval is not available in Step Functions; use $parse instead.")]
    [InlineData("$parse('{')", "The argument of $parse is not valid JSON:")]
    [InlineData("$hash('x', 'SHA256')", "The hashing algorithm 'SHA256' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512.")]
    [InlineData("$partition([1, 2], 0)", "The chunk size of $partition must be a positive integer, but was 0.")]
    public void Errors_carry_JSONatas_code_and_message(string expression, string error) =>
        Assert.StartsWith(
            $"The JSONata expression '{expression}' specified for the field 'Output' threw an error during evaluation. {error}",
            Assert.Throws<QueryEvaluationException>(() => Evaluators.Shared.Evaluate(expression, null, States, "Output")).Cause,
            StringComparison.Ordinal);

    [Theory]
    [InlineData("$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 4)", "[[1, 2, 3, 4], [5, 6, 7, 8], [9]]")]
    [InlineData("$partition([0], 1)", "[[0]]")]
    [InlineData("$range(0, 10, 2)", "[0, 2, 4, 6, 8, 10]")]
    [InlineData("$range(10, 1, -3)", "[10, 7, 4, 1]")]
    [InlineData("$range(1, 9, 9)", "1")]
    [InlineData("$append([], $range(3, 1, 1))", "[]")]
    [InlineData("$hash('input data', 'SHA-256')", "\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\"")]
    [InlineData("$parse($states.input.text)", """{ "a": [1, 2] }""")]
    [InlineData("$parse('-0')", "0")]
    [InlineData("$random(7) = $random(7)", "true")]
    public void Step_Functions_adds_its_own_functions(string expression, string expected) =>
        Intrinsic.AssertJson(expected, Evaluators.Shared.Evaluate(expression, null, States));

    [Fact]
    public void Randomness_and_time_come_from_the_injected_sources()
    {
        var now = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var first = new JsonataEvaluator(new FixedClock(now), new Random(42));
        using var second = new JsonataEvaluator(new FixedClock(now), new Random(42));
        const string expression = "{ 'random': $random(), 'uuid': $uuid(), 'shuffled': $shuffle([1, 2, 3, 4, 5, 6, 7, 8]), 'now': $now(), 'millis': $millis() }";

        var a = first.Evaluate(expression, null, States)!;
        var b = second.Evaluate(expression, null, States)!;

        Assert.True(JsonNode.DeepEquals(a, b), $"{a.ToJsonString()} != {b.ToJsonString()}");
        Assert.InRange((double)a["random"]!, 0, 1);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", (string?)a["uuid"]);
        Assert.Equal("2025-01-02T03:04:05.000Z", (string?)a["now"]);
        Assert.Equal(now.ToUnixTimeMilliseconds(), (long)a["millis"]!);
    }

    [Fact]
    public void Concurrent_callers_each_get_their_own_result()
    {
        var results = new JsonNode?[64];

        Parallel.For(0, results.Length, i =>
            results[i] = Evaluators.Shared.Evaluate("$states.input.n * $k", null, new Dictionary<string, JsonNode?>
            {
                ["states"] = new JsonObject { ["input"] = new JsonObject { ["n"] = i } },
                ["k"] = 10,
            }));

        Assert.Equal(Enumerable.Range(0, results.Length).Select(i => i * 10L), results.Select(r => (long)r!));
    }

    [Theory]
    [InlineData("$states.input.items[0]", null)]
    [InlineData("$states.input.(", "S0203")]
    public void Syntax_is_checked_without_evaluating(string expression, string? code)
    {
        var error = Evaluators.Shared.FindSyntaxError(expression);

        if (code is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.StartsWith(code, error, StringComparison.Ordinal);
        }
    }
}
