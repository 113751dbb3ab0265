using System.Security.Cryptography;

namespace StepOrders.Aws.Tests.StepFunctions;

/// <summary>The verifier against AWS's SigV4 test suite (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service").</summary>
public sealed class SigV4VerifierTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Theory]
    [InlineData("get-vanilla", "GET", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("get-vanilla-query-order-key-case", "GET", "?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    public void The_verifier_reproduces_the_published_signature(string vector, string method, string query, string expected)
    {
        var headers = new Dictionary<string, string> { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" };

        var signature = SigV4Verifier.Signature(
            method, "/", query, headers, ["host", "x-amz-date"], SigV4Verifier.Hex(SHA256.HashData([])), "20150830T123600Z", "us-east-1", "service", Secret);

        Assert.True(signature == expected, $"{vector}: {signature}");
    }
}
