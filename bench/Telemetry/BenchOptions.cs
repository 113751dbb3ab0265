using System.Globalization;

namespace StepOrders.TelemetryBench;

/// <summary>
/// How long and how hard: seconds per round, rounds, concurrent clients per host; where the repository is; and
/// arguments for the instrumented host alone (<c>--on-arg --Logging:LogLevel:Default=Warning</c>), to see where the cost is.
/// </summary>
internal sealed record BenchOptions(TimeSpan Round, int Rounds, int Concurrency, string Repository, bool Build, IReadOnlyList<string> OnArguments)
{
    public static BenchOptions? Parse(string[] args, TextWriter error)
    {
        var round = TimeSpan.FromSeconds(10);
        var (rounds, concurrency, build) = (3, 32, true);
        var onArguments = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--seconds": round = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                    case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--concurrency": concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--no-build": build = false; break;
                    case "--on-arg": onArguments.Add(Next()); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                error.WriteLine($"telemetry bench: {e.Message} (usage: --seconds 10 --rounds 3 --concurrency 32 [--no-build] [--on-arg ARG]…)");
                return null;
            }
        }
        var repository = FindRepository(AppContext.BaseDirectory) ?? FindRepository(Environment.CurrentDirectory);
        if (repository is null)
        {
            error.WriteLine("telemetry bench: run it from inside the StepOrders repository (no StepOrders.sln above here).");
            return null;
        }
        return new BenchOptions(round, rounds, concurrency, repository, build, onArguments);
    }

    private static string? FindRepository(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StepOrders.sln")))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
