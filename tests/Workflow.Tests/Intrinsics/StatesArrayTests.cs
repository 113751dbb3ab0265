namespace StepOrders.Workflow.Tests.Intrinsics;

public class StatesArrayTests
{
    [Theory]
    [InlineData("States.Array()", "[]")]
    [InlineData("States.Array($.Id)", "[123456]")]
    [InlineData("States.Array('a', 1, true, null, $.obj, States.Array(2))", """["a", 1, true, null, { "x": [] }, [2]]""")]
    public void The_arguments_become_an_array_in_order(string expression, string expected) =>
        Intrinsic.AssertJson(expected, Intrinsic.Evaluate(expression, """{ "Id": 123456, "obj": { "x": [] } }"""));
}
