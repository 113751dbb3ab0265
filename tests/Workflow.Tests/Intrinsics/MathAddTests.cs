namespace StepOrders.Workflow.Tests.Intrinsics;

public class MathAddTests
{
    // Every row is a recording from AWS (math_add__exec_hist_resp_*): each argument is rounded
    // half up before the addition.
    [Theory]
    [InlineData("-9", "3", -6)]
    [InlineData("1.49", "1.5", 3)]
    [InlineData("1.5", "1.51", 4)]
    [InlineData("-1.49", "-1.5", -2)]
    [InlineData("-1.5", "-1.51", -3)]
    [InlineData("1.49", "-1.49", 0)]
    [InlineData("-0.5", "0.5", 1)]
    [InlineData("-0.5", "0", 0)]
    [InlineData("0.5", "0", 1)]
    [InlineData("2.5", "0", 3)]
    [InlineData("-2.5", "0", -2)]
    [InlineData("3.5", "0", 4)]
    [InlineData("-3.5", "0", -3)]
    [InlineData("2147483647", "1", 2147483648)]
    public void Arguments_are_rounded_half_up_then_added(string a, string b, long expected) =>
        Assert.Equal(expected, (long)Intrinsic.Evaluate($"States.MathAdd({a}, {b})")!);

    [Theory]
    [InlineData("States.MathAdd(2147483648, 0)", "argument 1 (2147483648) is outside the range -2147483648 to 2147483647")]
    [InlineData("States.MathAdd('1', 0)", "argument 1 must be a number, but was a string: \"1\"")]
    [InlineData("States.MathAdd(1, 2, 3)", "expected 2 arguments but received 3")]
    public void Non_numbers_and_numbers_beyond_int_fail(string expression, string problem) =>
        Assert.Equal($"Invalid arguments in States.MathAdd: {problem}.", Intrinsic.Failure(expression).Cause);
}
