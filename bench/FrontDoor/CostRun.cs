using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using StepOrders.Bench;

namespace StepOrders.FrontDoorBench;

/// <summary>
/// What the front door costs POST /orders: two local hosts, one as shipped (the key looked up and its usage plan
/// applied on every request, the access log written) and one with <c>--no-front-door</c>, loaded in turns (the order
/// alternating each round, each host idle before its turn, so both see the same machine); orders accepted per second
/// and the host's CPU time per order compared in the same run. On a shared machine the CPU per order is the steadier
/// figure: throughput moves with whatever else runs, the work a request takes hardly does. The queue poller is off in both, so the workflow does not share the CPU and the
/// front door is measured against the API's own work (read, validate, store, enqueue): the stricter comparison.
/// </summary>
internal static class CostRun
{
    private const string Body = """
        {"customerId":"bench-front-door","currency":"EUR","paymentToken":"tok_approve",
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
            Console.Error.WriteLine("front door bench: building src/Local (Release) failed.");
            return 1;
        }

        await using var on = await HostProcess.StartAsync(hostDll, "--Queue:PollerEnabled", "false");
        await using var off = await HostProcess.StartAsync(hostDll, "--Queue:PollerEnabled", "false", "--no-front-door");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"StepOrders front door cost: POST /orders, {options.Concurrency} clients, {options.Round.TotalSeconds:0} s per round, {options.Rounds} rounds per host, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));

        // Warm-up: JIT, connection pools, SQLite caches.
        foreach (var host in new[] { on, off })
        {
            await LoadAsync(host, options.Concurrency, TimeSpan.FromSeconds(3));
        }

        Console.WriteLine("| round | on: orders/s | off: orders/s | on / off | on: host CPU µs/order | off: host CPU µs/order | CPU on / off |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var totals = new Dictionary<HostProcess, Load> { [on] = default, [off] = default };
        for (var round = 1; round <= options.Rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { on, off } : [off, on];
            var loads = new Dictionary<HostProcess, Load>();
            foreach (var host in order)
            {
                await on.WaitUntilIdleAsync(IdleTimeout);
                await off.WaitUntilIdleAsync(IdleTimeout);
                loads[host] = await LoadAsync(host, options.Concurrency, options.Round);
                totals[host] = totals[host] + loads[host];
            }
            Console.WriteLine(Row(round.ToString(CultureInfo.InvariantCulture), loads[on], loads[off]));
        }
        Console.WriteLine(Row("all", totals[on], totals[off]));
        var (rate, cpu) = (totals[on].Rate / totals[off].Rate, totals[on].CpuPerOrder / totals[off].CpuPerOrder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cost of the front door: {(1 - rate) * 100:0.0}% of POST /orders throughput, {(cpu - 1) * 100:0.0}% more host CPU per order (target ≤ 10%: {(cpu - 1 <= 0.10 ? "met" : "not met")} by CPU, {(1 - rate <= 0.10 ? "met" : "not met")} by throughput); load average at the end {LoadAverage()}"));
        return 0;
    }

    private static string Row(string round, Load on, Load off) => string.Create(CultureInfo.InvariantCulture,
        $"| {round} | {on.Rate:0} | {off.Rate:0} | {on.Rate / off.Rate:0.000} | {on.CpuPerOrder:0} | {off.CpuPerOrder:0} | {on.CpuPerOrder / off.CpuPerOrder:0.000} |");

    /// <summary>
    /// Orders accepted per second by <paramref name="concurrency"/> clients posting for <paramref name="duration"/>, and
    /// the host's CPU time per order: the work a request costs, which the machine's load hardly moves.
    /// </summary>
    private static async Task<Load> LoadAsync(HostProcess host, int concurrency, TimeSpan duration)
    {
        var cpuBefore = host.CpuTime;
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
        var elapsed = clock.Elapsed;
        return refused == 0
            ? new Load(accepted, elapsed, host.CpuTime - cpuBefore)
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

    /// <summary>Orders accepted in a time, and the host CPU they took; loads add up across rounds.</summary>
    private readonly record struct Load(int Orders, TimeSpan Elapsed, TimeSpan Cpu)
    {
        public double Rate => Orders / Elapsed.TotalSeconds;

        public double CpuPerOrder => Cpu.TotalMicroseconds / Orders;

        public static Load operator +(Load a, Load b) => new(a.Orders + b.Orders, a.Elapsed + b.Elapsed, a.Cpu + b.Cpu);
    }
}
