using System.Globalization;

namespace StepOrders.Local;

/// <summary>
/// The time scale for Wait states and Retry intervals, as Step Functions Local offers it: <c>--time-scale 0.01</c>
/// on the command line, else the <c>WAIT_TIME_SCALE</c> environment variable (0.01 makes a 10 s wait take 0.1 s,
/// 0 skips waits). Null when neither is set, so <c>--Workflow:TimeScale</c> still applies.
/// </summary>
public static class WaitTimeScale
{
    public const string Argument = "time-scale";
    public const string EnvironmentVariable = "WAIT_TIME_SCALE";

    public static double? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[Argument] ?? configuration[EnvironmentVariable] ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale >= 0 && double.IsFinite(scale)
            ? scale
            : throw new InvalidOperationException($"--{Argument} (or {EnvironmentVariable}) must be a number ≥ 0, such as 0.01; it was '{text}'.");
    }
}
