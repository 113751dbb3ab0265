namespace StepOrders.Workflow.Tests.Intrinsics;

public class Base64EncodeTests
{
    [Theory]
    [InlineData("Data to encode", "RGF0YSB0byBlbmNvZGU=")]
    [InlineData("", "")]
    [InlineData("é🆗", "w6nwn4aX")]
    public void The_UTF8_bytes_are_encoded(string text, string expected) =>
        Assert.Equal(expected, (string?)Intrinsic.Evaluate($"States.Base64Encode('{text}')"));

    [Fact]
    public void More_than_ten_thousand_characters_fail() =>
        Assert.Equal(
            "Invalid arguments in States.Base64Encode: the input has 10001 characters, more than the maximum of 10000.",
            Intrinsic.Failure("States.Base64Encode($.s)", $$"""{ "s": "{{new string('x', 10_001)}}" }""").Cause);
}
