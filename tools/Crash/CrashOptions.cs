using System.Globalization;

namespace StepOrders.Crash;

/// <summary>
/// What a run does: <c>--cycles N --orders N --seed N</c> for the crash schedule, <c>--fuzz N</c> for a fuzz run
/// instead; <c>--data DIR</c> keeps the data folder (otherwise a temporary one, deleted after a passing run),
/// <c>--host PATH</c> runs another build of the host, <c>--concurrency N</c> requests in flight; <c>--engines aws</c>
/// runs the crash schedule on DynamoDB and SQS (dynalite and fauxqs) instead of SQLite.
/// </summary>
internal sealed record CrashOptions
{
    public const string Usage =
        "usage: StepOrders.Crash [--cycles N] [--orders N] [--seed N] [--concurrency N] [--engines sqlite|aws] [--data DIR] [--host PATH/StepOrders.Local.dll]\n" +
        "       StepOrders.Crash --fuzz N [--seed N] [--concurrency N] [--data DIR] [--host PATH]\n" +
        "       StepOrders.Crash --soak N [--rate N] [--seed N] [--concurrency N] [--data DIR] [--host PATH]";

    public const string SqliteEngines = "sqlite";
    public const string AwsEngines = "aws";

    public int Cycles { get; init; } = 100;

    /// <summary>Where the host keeps orders, stock, payments and its queue during a crash run: <see cref="SqliteEngines"/> or <see cref="AwsEngines"/>.</summary>
    public string Engines { get; init; } = SqliteEngines;

    public int Orders { get; init; } = 10_000;

    public int Seed { get; init; } = Random.Shared.Next(1, 1_000_000);

    public int Concurrency { get; init; } = 8;

    /// <summary>Requests of a fuzz run; null for a crash run.</summary>
    public int? Fuzz { get; init; }

    /// <summary>Orders of a soak run (one host, no kills, a steady <see cref="Rate"/>); null for a crash run.</summary>
    public int? Soak { get; init; }

    /// <summary>Orders per second a soak run sends.</summary>
    public int Rate { get; init; } = 100;

    /// <summary>The data folder; null: a temporary folder of the run's own.</summary>
    public string? DataPath { get; init; }

    public string HostDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "StepOrders.Local.dll");

    /// <summary>Retry intervals and waits run at this fraction of their declared length (the host's <c>--time-scale</c>).</summary>
    public double TimeScale { get; init; } = 0.01;

    /// <summary>How long the last host may take to finish every order before the run counts the rest as stuck.</summary>
    public TimeSpan QuiescenceTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The command line that runs this schedule again.</summary>
    public string ReplayCommand => Fuzz is { } requests
        ? $"dotnet run -c Release --project tools/Crash -- --fuzz {requests} --seed {Seed}"
        : $"dotnet run -c Release --project tools/Crash -- --cycles {Cycles} --orders {Orders} --seed {Seed}{(Engines == AwsEngines ? " --engines aws" : "")}";

    public static bool TryParse(string[] args, out CrashOptions options, out string problem)
    {
        options = new CrashOptions();
        problem = "";
        for (var i = 0; i < args.Length; i += 2)
        {
            var (name, value) = (args[i], i + 1 < args.Length ? args[i + 1] : null);
            if (value is null)
            {
                problem = $"{name} needs a value.";
                return false;
            }
            var number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : (int?)null;
            if (name is not ("--cycles" or "--orders" or "--seed" or "--concurrency" or "--fuzz" or "--soak" or "--rate" or "--data" or "--host" or "--engines"))
            {
                problem = $"Unknown option '{name}'.";
                return false;
            }
            if (name is "--engines" && value is not (SqliteEngines or AwsEngines))
            {
                problem = $"--engines is {SqliteEngines} or {AwsEngines}, not '{value}'.";
                return false;
            }
            if (name is not ("--data" or "--host" or "--engines") && number is null)
            {
                problem = $"{name} must be a whole number above 0, not '{value}'.";
                return false;
            }
            switch (name)
            {
                case "--cycles": options = options with { Cycles = number!.Value }; break;
                case "--orders": options = options with { Orders = number!.Value }; break;
                case "--seed": options = options with { Seed = number!.Value }; break;
                case "--concurrency": options = options with { Concurrency = number!.Value }; break;
                case "--fuzz": options = options with { Fuzz = number!.Value }; break;
                case "--soak": options = options with { Soak = number!.Value }; break;
                case "--rate": options = options with { Rate = number!.Value }; break;
                case "--data": options = options with { DataPath = Path.GetFullPath(value) }; break;
                case "--engines": options = options with { Engines = value }; break;
                default: options = options with { HostDll = Path.GetFullPath(value) }; break;
            }
        }
        if (options.Engines == AwsEngines && (options.Fuzz is not null || options.Soak is not null))
        {
            problem = "--engines aws is for crash runs, not --fuzz or --soak.";
            return false;
        }
        if (!File.Exists(options.HostDll))
        {
            problem = $"The host {options.HostDll} does not exist; build it first (dotnet build -c Release tools/Crash).";
            return false;
        }
        return true;
    }
}
