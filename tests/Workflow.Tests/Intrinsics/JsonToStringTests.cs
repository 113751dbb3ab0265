namespace StepOrders.Workflow.Tests.Intrinsics;

public class JsonToStringTests
{
    [Theory]
    [InlineData("""{ "Arg1": 1, "Arg2": [] }""", """{"Arg1":1,"Arg2":[]}""")]
    [InlineData("""[1, 2, "HelloWorld"]""", """[1,2,"HelloWorld"]""")]
    [InlineData("\"HelloWorld\"", "\"HelloWorld\"")]
    [InlineData("1.10", "1.1")]
    [InlineData("null", "null")]
    [InlineData("""{ "s": "quote \" tab \t line \n é 🆗 <&>" }""", """{"s":"quote \" tab \t line \n é 🆗 <&>"}""")]
    public void The_value_becomes_compact_JSON_text(string value, string expected) =>
        Assert.Equal(expected, (string?)Intrinsic.Evaluate("States.JsonToString($.v)", $$"""{ "v": {{value}} }"""));

    [Fact]
    public void Exactly_one_argument_is_required() =>
        Assert.Equal(
            "Invalid arguments in States.JsonToString: expected 1 argument but received 2.",
            Intrinsic.Failure("States.JsonToString(1, 2)").Cause);
}
