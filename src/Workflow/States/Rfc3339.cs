using System.Globalization;

namespace StepOrders.Workflow.States;

/// <summary>ASL timestamps: RFC 3339 (ISO 8601 profile) with an uppercase T, and Z or an offset; up to nanoseconds.</summary>
internal static class Rfc3339
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20 || text[10] != 'T' || !(text[^1] == 'Z' || text[^6] is '+' or '-'))
        {
            return false;
        }

        // .NET parses at most 7 fraction digits; AWS accepts nanoseconds.
        var dot = text.IndexOf('.', 19);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }
}
