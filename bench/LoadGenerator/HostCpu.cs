using System.Globalization;

namespace StepOrders.LoadGenerator;

/// <summary>
/// The host's CPU time (user + system) from <c>/proc/PID/stat</c>, so a phase can report host CPU per request: on a
/// machine shared with other work that is steadier than the rate. Null where there is no such file (not Linux).
/// </summary>
internal static class HostCpu
{
    // USER_HZ: the unit of utime and stime in /proc/PID/stat, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan? Read(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
        {
            return null;
        }
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
