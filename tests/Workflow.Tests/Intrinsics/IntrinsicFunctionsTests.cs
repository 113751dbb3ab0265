using System.Text.Json.Nodes;
using StepOrders.Workflow.Intrinsics;

namespace StepOrders.Workflow.Tests.Intrinsics;

public class IntrinsicFunctionsTests
{
    [Theory]
    [InlineData("States.Format('x')", true)]
    [InlineData("States.UUID()", true)]
    [InlineData("  States.Array ( 1 )  ", true)]
    [InlineData("$.path", false)]
    [InlineData("States.Format", false)]
    [InlineData("Format('x')", false)]
    [InlineData("$$.Execution.Input", false)]
    public void An_intrinsic_is_a_States_call_not_a_path(string expression, bool expected) =>
        Assert.Equal(expected, IntrinsicFunctions.IsIntrinsic(expression));

    [Fact]
    public void An_unknown_function_is_rejected_when_parsed()
    {
        var error = Assert.Throws<IntrinsicSyntaxException>(() => IntrinsicFunctions.Parse("States.Array(States.Nope(1))"));

        Assert.Equal("unknown intrinsic function 'States.Nope'", error.Problem);
        Assert.Equal(13, error.Position);
    }

    [Fact]
    public void Path_arguments_are_resolved_by_the_caller_and_copied()
    {
        var input = JsonNode.Parse("""{ "a": { "b": [1, 2] } }""");
        var requested = new List<string>();
        JsonNode? Resolve(string path)
        {
            requested.Add(path);
            return input!["a"]!["b"];
        }

        var result = IntrinsicFunctions.Evaluate("States.Array($.a.b, $$.Execution.Input, $myVar)", Resolve, new IntrinsicContext(new Random(1)));

        Assert.Equal(["$.a.b", "$$.Execution.Input", "$myVar"], requested);
        Intrinsic.AssertJson("[[1, 2], [1, 2], [1, 2]]", result);
        Assert.Equal(2, input!["a"]!["b"]!.AsArray().Count);
    }

    [Fact]
    public void A_failing_path_propagates_the_resolvers_exception()
    {
        static JsonNode? Resolve(string path) => throw new KeyNotFoundException(path);

        Assert.Throws<KeyNotFoundException>(() => IntrinsicFunctions.Evaluate("States.Array($.missing)", Resolve, new IntrinsicContext(new Random(1))));
    }

    [Fact]
    public void A_parsed_call_can_be_evaluated_many_times()
    {
        var call = IntrinsicFunctions.Parse("States.MathAdd($.n, 1)");

        var results = Enumerable.Range(0, 3).Select(n =>
            IntrinsicFunctions.Evaluate(call, TestPaths.Resolver(JsonNode.Parse($$"""{ "n": {{n}} }""")), new IntrinsicContext(new Random(1))));

        Assert.Equal([1, 2, 3], results.Select(r => r!.GetValue<long>()));
    }
}
