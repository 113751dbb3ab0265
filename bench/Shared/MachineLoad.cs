namespace StepOrders.Bench;

/// <summary>
/// The machine's load averages from /proc/loadavg ("n/a" where there is none), printed at a benchmark's start and end:
/// on a shared machine they say how much of a run's figures were the neighbours.
/// </summary>
internal static class MachineLoad
{
    /// <summary>The load average over the last minute.</summary>
    public static string LastMinute() => Averages(1);

    /// <summary>The load averages over 1, 5 and 15 minutes.</summary>
    public static string Averages() => Averages(3);

    private static string Averages(int count) =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(count)) : "n/a";
}
