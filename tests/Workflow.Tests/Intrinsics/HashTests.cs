namespace StepOrders.Workflow.Tests.Intrinsics;

public class HashTests
{
    [Theory]
    [InlineData("MD5", "812f45842bc6d66ee14572ce20db8e86")]
    [InlineData("SHA-1", "aaff4a450a104cd177d28d18d74485e8cae074b7")]
    [InlineData("SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")]
    [InlineData("SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562")]
    [InlineData("SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4")]
    public void The_digest_is_lowercase_hex(string algorithm, string expected) =>
        Assert.Equal(expected, (string?)Intrinsic.Evaluate($"States.Hash('input data', '{algorithm}')"));

    [Theory]
    [InlineData("States.Hash('x', 'SHA256')", "the algorithm 'SHA256' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512")]
    [InlineData("States.Hash(1, 'MD5')", "argument 1 must be a string, but was a number: 1")]
    public void Unknown_algorithms_and_non_strings_fail(string expression, string problem) =>
        Assert.Equal($"Invalid arguments in States.Hash: {problem}.", Intrinsic.Failure(expression).Cause);
}
