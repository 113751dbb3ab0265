using Microsoft.Extensions.Primitives;

namespace StepOrders.Api.Orders;

/// <summary>The <c>Idempotency-Key</c> request header (IETF httpapi draft): 1 to 255 visible ASCII characters, kept 24 hours.</summary>
internal static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 255;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static bool TryRead(StringValues values, out string key, out string problem)
    {
        key = "";
        problem = "";
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            problem = "must be sent once, with a value.";
            return false;
        }
        var value = values[0]!;
        if (value.Length > MaxLength || !value.All(c => c is >= '!' and <= '~'))
        {
            problem = $"must be 1 to {MaxLength} visible ASCII characters.";
            return false;
        }
        key = value;
        return true;
    }
}
