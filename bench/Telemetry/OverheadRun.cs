using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using StepOrders.Bench;

namespace StepOrders.TelemetryBench;

/// <summary>
/// What full instrumentation costs an order: two local hosts, one as shipped and one with <c>--no-telemetry</c>,
/// loaded at the same time by the same number of clients posting orders, each round starting and ending with both
/// hosts idle, so each host's CPU time over the round is everything its orders cost: the request, the queue, the
/// workflow's steps, and the instrumentation of all three (most of it is in the steps, which run after the request
/// has been answered). On a shared machine the CPU time per order is the steadier figure (throughput moves with
/// whatever else runs; the work an order takes hardly does); orders accepted per second are reported beside it.
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

        await using var on = await HostProcess.StartAsync(hostDll, options.OnArguments);
        await using var off = await HostProcess.StartAsync(hostDll, "--no-telemetry");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"StepOrders telemetry overhead: POST /orders, {options.Concurrency} clients per host, both hosts loaded at once, {options.Round.TotalSeconds:0} s per round, {options.Rounds} rounds{(options.OnArguments.Count > 0 ? ", instrumented host with " + string.Join(' ', options.OnArguments) : "")}, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));

        // Warm-up: JIT (tiered up), connection pools, SQLite caches.
        await Task.WhenAll(LoadAsync(on, options.Concurrency, TimeSpan.FromSeconds(8)), LoadAsync(off, options.Concurrency, TimeSpan.FromSeconds(8)));

        Console.WriteLine("| round | on: orders/s | off: orders/s | on / off | on: host CPU µs/order | off: host CPU µs/order | CPU on / off |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var (onTotal, offTotal) = (default(Load), default(Load));
        for (var round = 1; round <= options.Rounds; round++)
        {
            await on.WaitUntilIdleAsync(IdleTimeout);
            await off.WaitUntilIdleAsync(IdleTimeout);
            var (onCpu, offCpu) = (on.CpuTime, off.CpuTime);
            var rates = await Task.WhenAll(LoadAsync(on, options.Concurrency, options.Round), LoadAsync(off, options.Concurrency, options.Round));
            // The orders' workflows finish after the load stops: their CPU counts once both hosts are idle again.
            await on.WaitUntilIdleAsync(IdleTimeout);
            await off.WaitUntilIdleAsync(IdleTimeout);
            var onLoad = rates[0] with { Cpu = on.CpuTime - onCpu };
            var offLoad = rates[1] with { Cpu = off.CpuTime - offCpu };
            onTotal += onLoad;
            offTotal += offLoad;
            Console.WriteLine(Row(round.ToString(CultureInfo.InvariantCulture), onLoad, offLoad));
        }
        Console.WriteLine(Row("all", onTotal, offTotal));
        var (rate, cpu) = (onTotal.Rate / offTotal.Rate, onTotal.CpuPerOrder / offTotal.CpuPerOrder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overhead of full instrumentation: {(cpu - 1) * 100:0.0}% more host CPU per order, {(1 - rate) * 100:0.0}% of POST /orders throughput (target ≤ 5%: {(cpu - 1 <= 0.05 ? "met" : "not met")} by CPU, {(1 - rate <= 0.05 ? "met" : "not met")} by throughput); load average at the end {LoadAverage()}"));
        return 0;
    }

    /// <summary>Orders accepted by <paramref name="concurrency"/> clients posting for <paramref name="duration"/>.</summary>
    private static async Task<Load> LoadAsync(HostProcess host, int concurrency, TimeSpan duration)
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
            ? new Load(accepted, clock.Elapsed, TimeSpan.Zero)
            : throw new InvalidOperationException($"{refused} orders were refused by {host.Url}: the figures would not be throughput.");
    }

    private static string Row(string round, Load on, Load off) => string.Create(CultureInfo.InvariantCulture,
        $"| {round} | {on.Rate:0} | {off.Rate:0} | {on.Rate / off.Rate:0.000} | {on.CpuPerOrder:0} | {off.CpuPerOrder:0} | {on.CpuPerOrder / off.CpuPerOrder:0.000} |");

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

    /// <summary>Orders accepted during the load, how long it ran, and the host CPU the orders took; rounds add up.</summary>
    private readonly record struct Load(int Orders, TimeSpan Elapsed, TimeSpan Cpu)
    {
        public double Rate => Orders / Elapsed.TotalSeconds;

        public double CpuPerOrder => Cpu.TotalMicroseconds / Orders;

        public static Load operator +(Load left, Load right) => new(left.Orders + right.Orders, left.Elapsed + right.Elapsed, left.Cpu + right.Cpu);
    }
}
