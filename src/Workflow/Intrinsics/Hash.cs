using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// States.Hash(data, algorithm): the lowercase hex digest of the data's UTF-8 bytes, with algorithm
/// one of MD5, SHA-1, SHA-256, SHA-384, SHA-512 (AWS: data at most 10,000 characters).
/// </summary>
internal sealed class Hash : IIntrinsicFunction
{
    public string Name => "States.Hash";

    public JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicContext context)
    {
        arguments.ExpectCount(2);
        var data = arguments.String(0);
        var algorithm = arguments.String(1);
        if (data.Length > Base64Encode.MaxInputLength)
        {
            throw arguments.Invalid($"the data has {data.Length} characters, more than the maximum of {Base64Encode.MaxInputLength}");
        }

        var digest = Digest(algorithm, Encoding.UTF8.GetBytes(data))
            ?? throw arguments.Invalid($"the algorithm '{algorithm}' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }

    /// <summary>The digest with an algorithm named as ASL names it, or null for any other name (also used by JSONata's $hash).</summary>
    public static byte[]? Digest(string algorithm, byte[] data)
    {
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are part of the ASL contract, not used for security here.
        return algorithm switch
        {
            "MD5" => MD5.HashData(data),
            "SHA-1" => SHA1.HashData(data),
            "SHA-256" => SHA256.HashData(data),
            "SHA-384" => SHA384.HashData(data),
            "SHA-512" => SHA512.HashData(data),
            _ => null,
        };
#pragma warning restore CA5350, CA5351
    }
}
