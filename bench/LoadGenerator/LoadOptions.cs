namespace StepOrders.LoadGenerator;

/// <summary>What to load and how hard: the host, its key, the concurrency levels and how long each runs.</summary>
internal sealed record LoadOptions(
    Uri Url, string ApiKey, IReadOnlyList<int> Concurrency, TimeSpan Duration, bool WaitForCompletion, TimeSpan CompletionTimeout,
    bool MeasureHealth, int? HostPid, TimeSpan? Window)
{
    public static LoadOptions? Parse(string[] args, TextWriter error)
    {
        var url = new Uri("http://127.0.0.1:5080");
        var key = Environment.GetEnvironmentVariable("STEPORDERS_API_KEY");
        int[] concurrency = [1, 16, 64];
        var duration = TimeSpan.FromSeconds(10);
        var completion = true;
        var completionTimeout = TimeSpan.FromSeconds(120);
        var health = true;
        int? hostPid = null;
        TimeSpan? window = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--url": url = new Uri(Next()); break;
                    case "--key": key = Next(); break;
                    case "--concurrency": concurrency = Next().Split(',').Select(int.Parse).ToArray(); break;
                    case "--seconds": duration = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)); break;
                    case "--no-completion": completion = false; break;
                    case "--no-health": health = false; break;
                    case "--host-pid": hostPid = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--window": window = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)); break;
                    case "--completion-timeout": completionTimeout = TimeSpan.FromSeconds(double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture)); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
            {
                error.WriteLine($"loadgen: {e.Message} (usage: --url URL --key KEY --concurrency 1,16,64 --seconds 10 [--no-completion] [--no-health] [--host-pid PID] [--window SECONDS])");
                return null;
            }
        }
        if (string.IsNullOrEmpty(key))
        {
            error.WriteLine("loadgen: an admin API key is needed: --key KEY or STEPORDERS_API_KEY.");
            return null;
        }
        return new LoadOptions(url, key, concurrency, duration, completion, completionTimeout, health, hostPid, window);
    }
}
