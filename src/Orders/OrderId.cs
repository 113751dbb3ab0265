using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace StepOrders.Orders;

/// <summary>
/// An order's id: <c>ord_</c> and a ULID (48-bit millisecond time, 80 random bits, Crockford base32),
/// so ids sort by creation time and cannot be guessed.
/// </summary>
public readonly record struct OrderId
{
    private const string Prefix = "ord_";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int UlidLength = 26;

    private OrderId(string value) => Value = value;

    public string Value { get; }

    public static OrderId New(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        var millis = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(millis >> (8 * (5 - i)));
        }
        RandomNumberGenerator.Fill(bytes[6..]);
        return new OrderId(Prefix + Encode(bytes));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out OrderId id)
    {
        id = default;
        if (text is null || text.Length != Prefix.Length + UlidLength || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in text.AsSpan(Prefix.Length))
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }
        // The first base32 digit holds only 3 bits of a 128-bit ULID.
        if (text[Prefix.Length] > '7')
        {
            return false;
        }
        id = new OrderId(text);
        return true;
    }

    public static OrderId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an order id (ord_ followed by 26 base32 characters).");

    public override string ToString() => Value;

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[UlidLength];
        var high = ((UInt128)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) << 64)
            | System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        for (var i = UlidLength - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(high & 31)];
            high >>= 5;
        }
        return new string(chars);
    }
}
