namespace StepOrders.Workflow.Tests.Intrinsics;

public class ArrayPartitionTests
{
    [Theory]
    [InlineData("[1,2,3,4,5,6,7,8,9]", "4", "[[1,2,3,4],[5,6,7,8],[9]]")]
    [InlineData("[]", "3", "[]")]
    [InlineData("[1,2,3]", "1.5", "[[1,2],[3]]")]
    public void The_array_is_cut_into_chunks_of_the_given_size(string array, string size, string expected) =>
        Intrinsic.AssertJson(expected, Intrinsic.Evaluate($"States.ArrayPartition($.a, {size})", $$"""{ "a": {{array}} }"""));

    [Theory]
    [InlineData("States.ArrayPartition($.a, 0)", "the chunk size must be a positive integer, but was 0")]
    [InlineData("States.ArrayPartition($.a, -2)", "the chunk size must be a positive integer, but was -2")]
    [InlineData("States.ArrayPartition('x', 2)", "argument 1 must be an array, but was a string: \"x\"")]
    [InlineData("States.ArrayPartition($.a)", "expected 2 arguments but received 1")]
    public void Invalid_arguments_fail(string expression, string problem) =>
        Assert.Equal($"Invalid arguments in States.ArrayPartition: {problem}.", Intrinsic.Failure(expression, """{ "a": [1] }""").Cause);
}
