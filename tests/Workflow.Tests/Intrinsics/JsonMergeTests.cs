namespace StepOrders.Workflow.Tests.Intrinsics;

public class JsonMergeTests
{
    private const string Input = """{ "fst": { "a": { "a1": 1, "a2": 2 }, "b": 2, "d": 3 }, "snd": { "a": { "a3": 1, "a4": 2 }, "c": 3, "d": 4 } }""";

    [Fact]
    public void A_shallow_merge_lets_the_second_object_replace_shared_members() =>
        Intrinsic.AssertJson(
            """{ "a": { "a3": 1, "a4": 2 }, "b": 2, "c": 3, "d": 4 }""",
            Intrinsic.Evaluate("States.JsonMerge($.fst, $.snd, false)", Input));

    [Fact]
    public void A_deep_merge_merges_nested_objects() =>
        Intrinsic.AssertJson(
            """{ "a": { "a1": 1, "a2": 2, "a3": 1, "a4": 2 }, "b": 2, "c": 3, "d": 4 }""",
            Intrinsic.Evaluate("States.JsonMerge($.fst, $.snd, true)", Input));

    [Theory]
    [InlineData("States.JsonMerge($.fst, 1, false)", "argument 2 must be a JSON object, but was a number: 1")]
    [InlineData("States.JsonMerge($.fst, $.snd, 'false')", "argument 3 must be a boolean, but was a string: \"false\"")]
    public void Non_objects_and_a_non_boolean_mode_fail(string expression, string problem) =>
        Assert.Equal($"Invalid arguments in States.JsonMerge: {problem}.", Intrinsic.Failure(expression, Input).Cause);
}
