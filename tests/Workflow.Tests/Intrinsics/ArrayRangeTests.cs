namespace StepOrders.Workflow.Tests.Intrinsics;

public class ArrayRangeTests
{
    [Theory]
    [InlineData("1, 9, 2", "[1,3,5,7,9]")]
    [InlineData("0, 10, 3", "[0,3,6,9]")]
    [InlineData("1, 9, 9", "[1]")]
    [InlineData("5, 1, -2", "[5,3,1]")]
    [InlineData("5, 1, 1", "[]")]
    [InlineData("0, 999, 1", null)]
    [InlineData("0.5, 2.4, 1", "[1,2]")]
    public void The_range_runs_from_first_to_last_inclusive(string arguments, string? expected)
    {
        var result = Intrinsic.Evaluate($"States.ArrayRange({arguments})");

        if (expected is null)
        {
            Assert.Equal(1000, result!.AsArray().Count);
        }
        else
        {
            Intrinsic.AssertJson(expected, result);
        }
    }

    [Theory]
    [InlineData("States.ArrayRange(1, 5, 0)", "the step must not be 0")]
    [InlineData("States.ArrayRange(0, 1000, 1)", "the range would hold 1001 items, more than the maximum of 1000")]
    [InlineData("States.ArrayRange('1', 5, 1)", "argument 1 must be a number, but was a string: \"1\"")]
    public void Invalid_ranges_fail(string expression, string problem) =>
        Assert.Equal($"Invalid arguments in States.ArrayRange: {problem}.", Intrinsic.Failure(expression).Cause);
}
