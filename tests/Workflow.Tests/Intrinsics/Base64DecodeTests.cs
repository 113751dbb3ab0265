namespace StepOrders.Workflow.Tests.Intrinsics;

public class Base64DecodeTests
{
    [Theory]
    [InlineData("RGF0YSB0byBlbmNvZGU=", "Data to encode")]
    [InlineData("", "")]
    [InlineData("w6nwn4aX", "é🆗")]
    public void The_bytes_are_decoded_as_UTF8(string base64, string expected) =>
        Assert.Equal(expected, (string?)Intrinsic.Evaluate($"States.Base64Decode('{base64}')"));

    [Fact]
    public void Text_that_is_not_Base64_fails() =>
        Assert.Equal(
            "Invalid arguments in States.Base64Decode: the input is not valid Base64.",
            Intrinsic.Failure("States.Base64Decode('not base64!')").Cause);
}
