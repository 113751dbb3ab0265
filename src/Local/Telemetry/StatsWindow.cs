using System.Globalization;

namespace StepOrders.Local.Telemetry;

/// <summary>The <c>window</c> query parameter of <c>/admin/stats</c>: a number and a unit, <c>90s</c>, <c>30m</c>, <c>1h</c>, <c>7d</c>; 1 h by default, 31 days at most.</summary>
internal static class StatsWindow
{
    public static readonly TimeSpan Default = TimeSpan.FromHours(1);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(31);

    public static bool TryParse(string? text, out TimeSpan window)
    {
        window = Default;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (text.Length < 2 || !double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }
        TimeSpan? parsed = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => amount <= Longest.TotalDays ? TimeSpan.FromDays(amount) : null,
            _ => null,
        };
        if (parsed is not { } span || span > Longest)
        {
            return false;
        }
        window = span;
        return true;
    }
}
