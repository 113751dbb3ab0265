namespace StepOrders.Workflow.Tests.Intrinsics;

public class ArrayContainsTests
{
    [Theory]
    [InlineData("[1,2,3]", "2", true)]
    [InlineData("[1,2,3]", "2.0", true)]
    [InlineData("[[1,2,3],2]", "[1,2,3]", true)]
    [InlineData("""[{"1":2,"2":[]}]""", """{"2":[],"1":2}""", true)]
    [InlineData("[]", "null", false)]
    [InlineData("[null]", "null", true)]
    [InlineData("[\"1\"]", "1", false)]
    public void An_item_equal_to_the_value_is_found(string array, string value, bool expected) =>
        Assert.Equal(expected, (bool)Intrinsic.Evaluate("States.ArrayContains($.a, $.v)", $$"""{ "a": {{array}}, "v": {{value}} }""")!);

    [Fact]
    public void The_first_argument_must_be_an_array() =>
        Assert.Equal(
            "Invalid arguments in States.ArrayContains: argument 1 must be an array, but was an object: {}.",
            Intrinsic.Failure("States.ArrayContains($, 1)").Cause);
}
