namespace StepOrders.Workflow.Tests.Intrinsics;

public class ArrayUniqueTests
{
    [Fact]
    public void Repeats_are_removed_keeping_first_occurrences()
    {
        const string input = """
            { "a": [null, null, true, true, false, 1, 1.0, 1.1, 0, "HelloWorld", "HelloWorld", [], [], [null], [null],
                    {"a": 1, "b": 2}, {"b": 2, "a": 1}, {"a": 1, "b": 1}, "1"] }
            """;

        Intrinsic.AssertJson(
            """[null, true, false, 1, 1.1, 0, "HelloWorld", [], [null], {"a": 1, "b": 2}, {"a": 1, "b": 1}, "1"]""",
            Intrinsic.Evaluate("States.ArrayUnique($.a)", input));
    }
}
