using StepOrders.Workflow.Intrinsics;

namespace StepOrders.Workflow.Tests.Intrinsics;

public class IntrinsicParserTests
{
    [Fact]
    public void Nested_calls_literals_and_paths_become_a_syntax_tree()
    {
        var call = IntrinsicParser.Parse("States.Format('a {} b', States.ArrayGetItem($.items[0], 2), -1.5e2, true, false, null, $$.Execution.Input, $var.x)");

        Assert.Equal("States.Format", call.Name);
        Assert.Collection(
            call.Arguments,
            a => Assert.Equal("a {} b", Assert.IsType<StringLiteral>(a).Value),
            a => Assert.Equal("$.items[0]", Assert.IsType<PathArgument>(Assert.IsType<FunctionCall>(a).Arguments[0]).Path),
            a => Assert.Equal("-1.5e2", Assert.IsType<NumberLiteral>(a).Text),
            a => Assert.True(Assert.IsType<BooleanLiteral>(a).Value),
            a => Assert.False(Assert.IsType<BooleanLiteral>(a).Value),
            a => Assert.IsType<NullLiteral>(a),
            a => Assert.Equal("$$.Execution.Input", Assert.IsType<PathArgument>(a).Path),
            a => Assert.Equal("$var.x", Assert.IsType<PathArgument>(a).Path));
    }

    [Theory]
    [InlineData(@"States.Format('it\'s')", "it's")]
    [InlineData(@"States.Format('\{\}')", "{}")]
    [InlineData(@"States.Format('back\\slash')", @"back\slash")]
    [InlineData("States.Format('{\"a\": 1}')", "{\"a\": 1}")]
    public void String_literals_unescape_the_four_reserved_characters(string expression, string expected)
    {
        var literal = Assert.IsType<StringLiteral>(IntrinsicParser.Parse(expression).Arguments[0]);

        Assert.Equal(expected, literal.Value);
    }

    [Fact]
    public void Escaped_braces_are_not_format_placeholders()
    {
        var literal = Assert.IsType<StringLiteral>(IntrinsicParser.Parse(@"States.Format('{} \{\} {\} {}', 1, 2)").Arguments[0]);

        Assert.Equal([0, 9], literal.Placeholders);
    }

    [Fact]
    public void Brackets_in_paths_may_hold_commas_quotes_and_filters()
    {
        var call = IntrinsicParser.Parse("States.Array($['a,b'], $.items[?(@.price < 10)], $[0] )");

        Assert.Equal(["$['a,b']", "$.items[?(@.price < 10)]", "$[0]"], call.Arguments.Select(a => ((PathArgument)a).Path));
    }

    [Theory]
    [InlineData("States.Format('x'", "missing ')'", 18)]
    [InlineData("States.Format('x' 'y')", "expected ',' or ')' but found '''", 19)]
    [InlineData("States.Format('unterminated)", "unterminated string literal", 15)]
    [InlineData(@"States.Format('bad \n escape')", "invalid escape", 20)]
    [InlineData("States.Array(1,)", "unexpected ')'", 16)]
    [InlineData("States.Array(tru)", "unexpected 't'", 14)]
    [InlineData("States.Array(1x)", "unexpected 'x'", 15)]
    [InlineData("States.(1)", "expected a function name after 'States.'", 8)]
    [InlineData("States.Array() extra", "unexpected 'e' after the closing parenthesis", 16)]
    [InlineData("States.Array($[0)", "unterminated '[' in path", 14)]
    public void Malformed_calls_fail_with_a_message_that_says_where(string expression, string problem, int column)
    {
        var error = Assert.Throws<IntrinsicSyntaxException>(() => IntrinsicParser.Parse(expression));

        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal(column, error.Position + 1);
        Assert.Equal("States.Runtime", error.Error);
        Assert.Contains($"at position {column}", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_ten_nested_calls_are_rejected()
    {
        var ten = string.Concat(Enumerable.Repeat("States.Array(", 10)) + new string(')', 10);
        var eleven = string.Concat(Enumerable.Repeat("States.Array(", 11)) + new string(')', 11);

        IntrinsicParser.Parse(ten);
        Assert.Throws<IntrinsicSyntaxException>(() => IntrinsicParser.Parse(eleven));
    }
}
