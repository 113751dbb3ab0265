namespace StepOrders.Workflow.Tests.Intrinsics;

public class FormatTests
{
    [Theory]
    [InlineData("States.Format('Hello, my name is {}.', $.name)", "Hello, my name is Arnav.")]
    [InlineData("States.Format($.template, $.name)", "Hello, my name is Arnav.")]
    [InlineData("States.Format('{} {} {} {}', $.none, 1.50, true, $.obj)", "null 1.5 true {a=1, b=[x, 2.0], c=null}")]
    [InlineData("States.Format('no placeholders')", "no placeholders")]
    [InlineData(@"States.Format('\{\} stays, {} goes', 'x')", "{} stays, x goes")]
    [InlineData("States.Format('{}', 1e21)", "1.0E21")]
    public void Each_placeholder_takes_the_next_value_as_Java_prints_it(string expression, string expected)
    {
        const string input = """{ "name": "Arnav", "template": "Hello, my name is {}.", "none": null, "obj": { "a": 1, "b": ["x", 2.0], "c": null } }""";

        Assert.Equal(expected, (string?)Intrinsic.Evaluate(expression, input));
    }

    [Theory]
    [InlineData("States.Format('{} {}', 1)", "the template has 2 placeholders '{}' but 1 value was given")]
    [InlineData("States.Format('{}')", "the template has 1 placeholder '{}' but 0 values were given")]
    [InlineData("States.Format(1)", "argument 1 must be a string, but was a number: 1")]
    [InlineData("States.Format()", "expected at least 1 argument but received 0")]
    public void A_mismatch_between_placeholders_and_values_fails(string expression, string problem)
    {
        var error = Intrinsic.Failure(expression);

        Assert.Equal("States.Runtime", error.Error);
        Assert.Equal($"Invalid arguments in States.Format: {problem}.", error.Cause);
    }
}
