using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace StepOrders.TelemetryBench;

/// <summary>
/// What full instrumentation costs POST /orders: two local hosts, one as shipped and one with <c>--no-telemetry</c>,
/// loaded at the same time by the same number of clients, so whatever else the machine is doing weighs on both alike
/// (on a shared machine, loading them in turns measured the neighbours more than the hosts). Sharing the CPU, the
/// host whose orders cost more accepts fewer: the ratio of the rates is the ratio of the costs. Each round starts
/// with both hosts idle. The workflow runs as usual, so its instrumented steps compete for the CPU as they would.
/// </summary>
internal static class OverheadRun
{
    private const string Body = """
        {"customerId":"bench-telemetry","currency":"EUR","paymentToken":"tok_approve",
         "items":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99},{"sku":"SKU-2","quantity":2,"unitPrice":4.5}],
         "shippingAddress":{"name":"Bench","line1":"1 Load St","city":"Berlin","postalCode":"10115","country":"DE"}}
        """;

    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(180);

    public static async Task<int> MainAsync(string[] args)
    {
        var options = BenchOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }
        var hostDll = Path.Combine(options.Repository, "src", "Local", "bin", "Release", "net10.0", "StepOrders.Local.dll");
        if (options.Build && await BuildAsync(options.Repository) != 0)
        {
            Console.Error.WriteLine("telemetry bench: building src/Local (Release) failed.");
            return 1;
        }

        await using var on = await HostProcess.StartAsync(hostDll, telemetry: true);
        await using var off = await HostProcess.StartAsync(hostDll, telemetry: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"StepOrders telemetry overhead: POST /orders, {options.Concurrency} clients per host, both hosts loaded at once, {options.Round.TotalSeconds:0} s per round, {options.Rounds} rounds, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));

        // Warm-up: JIT (tiered up), connection pools, SQLite caches.
        await Task.WhenAll(LoadAsync(on, options.Concurrency, TimeSpan.FromSeconds(8)), LoadAsync(off, options.Concurrency, TimeSpan.FromSeconds(8)));

        Console.WriteLine("| round | telemetry on: orders/s | --no-telemetry: orders/s | on / off |");
        Console.WriteLine("|---|---:|---:|---:|");
        var (onTotal, offTotal) = (0.0, 0.0);
        var ratios = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            await on.WaitUntilIdleAsync(IdleTimeout);
            await off.WaitUntilIdleAsync(IdleTimeout);
            var rates = await Task.WhenAll(LoadAsync(on, options.Concurrency, options.Round), LoadAsync(off, options.Concurrency, options.Round));
            onTotal += rates[0];
            offTotal += rates[1];
            ratios.Add(rates[0] / rates[1]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {rates[0]:0} | {rates[1]:0} | {rates[0] / rates[1]:0.000} |"));
        }
        var ratio = onTotal / offTotal;
        var median = ratios.Order().ElementAt(ratios.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all | {onTotal / options.Rounds:0} | {offTotal / options.Rounds:0} | {ratio:0.000} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overhead of full instrumentation: {(1 - ratio) * 100:0.0}% of POST /orders throughput over all rounds, {(1 - median) * 100:0.0}% in the median round (target ≤ 5%: {(1 - ratio <= 0.05 ? "met" : "not met")}); load average at the end {LoadAverage()}"));
        return 0;
    }

    /// <summary>Orders accepted per second by <paramref name="concurrency"/> clients posting for <paramref name="duration"/>.</summary>
    private static async Task<double> LoadAsync(HostProcess host, int concurrency, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-api-key", host.ApiKey);
        var (accepted, refused) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var content = new StringContent(Body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("/orders", UriKind.Relative), content);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }));
        return refused == 0
            ? accepted / clock.Elapsed.TotalSeconds
            : throw new InvalidOperationException($"{refused} orders were refused by {host.Url}: the figures would not be throughput.");
    }

    private static async Task<int> BuildAsync(string repository)
    {
        var build = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "build", "-c", "Release", "-v", "q", "-nologo", "src/Local/StepOrders.Local.csproj" })
        {
            build.ArgumentList.Add(argument);
        }
        using var process = Process.Start(build)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.Error.Write(output);
        }
        return process.ExitCode;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
