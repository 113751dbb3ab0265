using System.Globalization;

namespace StepOrders.Workflow.Execution;

internal static class Timestamps
{
    /// <summary>The context object's time format: ISO 8601 UTC with milliseconds, e.g. 2024-01-01T00:00:00.000Z.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
