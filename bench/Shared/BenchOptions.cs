using System.Globalization;

namespace StepOrders.Bench;

/// <summary>
/// The command line of the benchmarks that compare two hosts: seconds per round, rounds, concurrent clients per host,
/// whether to build src/Local first; and, where the benchmark takes them (bench/Telemetry), arguments for the
/// instrumented host alone (<c>--on-arg --Logging:LogLevel:Default=Warning</c>), to see where the cost is.
/// </summary>
internal sealed record BenchOptions(TimeSpan Round, int Rounds, int Concurrency, bool Build, IReadOnlyList<string> OnArguments)
{
    /// <summary>The options, or null once what is wrong has been written to <paramref name="error"/> as from <paramref name="bench"/>.</summary>
    public static BenchOptions? Parse(string[] args, string bench, bool takesOnArguments, TextWriter error)
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
                    case "--on-arg" when takesOnArguments: onArguments.Add(Next()); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                error.WriteLine($"{bench}: {e.Message} (usage: --seconds 10 --rounds 3 --concurrency 32 [--no-build]{(takesOnArguments ? " [--on-arg ARG]…" : "")})");
                return null;
            }
        }
        return new BenchOptions(round, rounds, concurrency, build, onArguments);
    }
}
