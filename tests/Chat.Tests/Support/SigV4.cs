using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StepOrders.Chat.Tests.Support;

/// <summary>
/// Recomputes an AWS Signature Version 4 from a request as the server received it, following AWS's documented
/// steps (canonical request, string to sign, derived signing key), to check a client's signature independently.
/// </summary>
public static class SigV4
{
    public static string Signature(RecordedRequest request, string secretKey)
    {
        var authorization = request.Header("Authorization") ?? throw new InvalidOperationException("No Authorization header.");
        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ")
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var scope = parts["Credential"].Split('/', 2)[1];
        var (date, region, service) = (scope.Split('/')[0], scope.Split('/')[1], scope.Split('/')[2]);
        var signedHeaders = parts["SignedHeaders"];

        var path = request.Target.Split('?')[0];
        var canonicalUri = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        var canonicalHeaders = string.Concat(signedHeaders.Split(';').Select(name => $"{name}:{request.Header(name)?.Trim()}\n"));
        var payloadHash = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)));
        var canonicalRequest = $"{request.Method}\n{canonicalUri}\n\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";
        var stringToSign = $"AWS4-HMAC-SHA256\n{request.Header("x-amz-date")}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
}
