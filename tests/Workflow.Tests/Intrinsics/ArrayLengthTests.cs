namespace StepOrders.Workflow.Tests.Intrinsics;

public class ArrayLengthTests
{
    [Theory]
    [InlineData("[]", 0)]
    [InlineData("[1,[2,3],null]", 3)]
    public void The_number_of_items_is_returned(string array, int expected) =>
        Assert.Equal(expected, (int)Intrinsic.Evaluate("States.ArrayLength($.a)", $$"""{ "a": {{array}} }""")!);

    [Fact]
    public void Null_is_not_an_array() =>
        Assert.Equal(
            "Invalid arguments in States.ArrayLength: argument 1 must be an array, but was null.",
            Intrinsic.Failure("States.ArrayLength(null)").Cause);
}
