using System.Security.Cryptography;
using System.Text;

namespace StepOrders.Api.Access;

/// <summary>The SHA-256 of a key's secret: what the store keeps and looks keys up by.</summary>
public readonly record struct ApiKeyHash
{
    private ApiKeyHash(string hex) => Hex = hex;

    /// <summary>Lower-case hex, 64 characters.</summary>
    public string Hex { get; }

    public static ApiKeyHash Of(string secret)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(secret.Length);
        var bytes = length <= 512 ? stackalloc byte[length] : new byte[length];
        SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(secret, bytes)], hash);
        return new ApiKeyHash(Convert.ToHexStringLower(hash));
    }

    public static ApiKeyHash FromHex(string hex) =>
        hex.Length == 2 * SHA256.HashSizeInBytes && hex.All(char.IsAsciiHexDigitLower)
            ? new ApiKeyHash(hex)
            : throw new FormatException("An API key hash is 64 lower-case hex digits.");

    public override string ToString() => Hex;
}
