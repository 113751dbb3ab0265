using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StepOrders.Aws.Tests.StepFunctions;

/// <summary>
/// Recomputes a SigV4 signature from what a server received (AWS General Reference: "Create a signed AWS API
/// request"), so the stub can check the client's signing end to end. Itself pinned by AWS's published
/// test-suite vectors (<see cref="SigV4VerifierTests"/>). Paths here are plain ASCII, so no path encoding is done.
/// </summary>
public static class SigV4Verifier
{
    public static string Signature(
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> headers,
        IReadOnlyList<string> signedHeaders,
        string payloadHash,
        string amzDate,
        string region,
        string service,
        string secretKey)
    {
        var canonicalQuery = string.Join('&', query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(p[1])) : ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var canonicalHeaders = string.Concat(signedHeaders.Select(h => $"{h}:{string.Join(' ', headers[h].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))}\n"));
        var canonicalRequest = $"{method}\n{path}\n{canonicalQuery}\n{canonicalHeaders}\n{string.Join(';', signedHeaders)}\n{payloadHash}";
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
}
