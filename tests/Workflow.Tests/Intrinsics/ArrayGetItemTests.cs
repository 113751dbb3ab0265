namespace StepOrders.Workflow.Tests.Intrinsics;

public class ArrayGetItemTests
{
    [Theory]
    [InlineData("5", "6")]
    [InlineData("0", "1")]
    [InlineData("8", "9")]
    public void The_item_at_the_zero_based_index_is_returned(string index, string expected) =>
        Intrinsic.AssertJson(expected, Intrinsic.Evaluate($"States.ArrayGetItem($.a, {index})", """{ "a": [1,2,3,4,5,6,7,8,9] }"""));

    [Theory]
    [InlineData("3", "the index 3 is out of bounds for an array of 3 items")]
    [InlineData("-1", "the index -1 is out of bounds for an array of 3 items")]
    public void An_index_outside_the_array_fails(string index, string problem) =>
        Assert.Equal(
            $"Invalid arguments in States.ArrayGetItem: {problem}.",
            Intrinsic.Failure($"States.ArrayGetItem($.a, {index})", """{ "a": [1,2,3] }""").Cause);
}
