using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace StepOrders.LoadGenerator;

/// <summary>
/// Posts orders at each concurrency for a fixed time against a running host and reports accepted/s and the
/// p50/p99 accept latency beside the same host's bare GET /health rate measured in the same run (and, given the
/// host's pid, the host's CPU per request in each), then how fast the accepted orders reached COMPLETED.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var options = LoadOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Add("x-api-key", options.ApiKey);
        var customer = "bench-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var body = OrderBody(customer);

        Console.WriteLine($"StepOrders load: {options.Url} for {options.Duration.TotalSeconds:0}s per level, {Environment.ProcessorCount} cores");
        Console.WriteLine("| concurrency | GET /health /s | POST /orders /s | ratio | accept p50 ms | accept p99 ms | errors | host CPU µs /health | host CPU µs /order |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var accepted = new List<string>();
        var runCpu = HostCpu.Read(options.HostPid);
        var summaries = new List<string>();
        foreach (var concurrency in options.Concurrency)
        {
            var health = options.MeasureHealth
                ? await RunPhaseAsync(http, concurrency, options.Duration, options.HostPid, async client =>
                {
                    using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                    return response.IsSuccessStatusCode ? "" : null;
                })
                : null;
            var windows = options.Window is { } window ? new CompletionWindows(http, window) : null;
            using var stopWindows = new CancellationTokenSource();
            var latency = new LatencyRecorder();
            var windowsRun = windows?.RunAsync(() => latency.Count, stopWindows.Token) ?? Task.CompletedTask;
            var orders = await RunPhaseAsync(http, concurrency, options.Duration, options.HostPid, async client =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(new Uri("/orders", UriKind.Relative), content);
                return response.StatusCode == HttpStatusCode.Created ? response.Headers.Location!.OriginalString["/orders/".Length..] : null;
            }, latency);
            await stopWindows.CancelAsync();
            await windowsRun;
            if (windows is not null)
            {
                summaries.Add($"concurrency {concurrency}: {windows.Summary()}");
            }
            lock (accepted)
            {
                accepted.AddRange(orders.Results);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {health?.Rate:0} | {orders.Rate:0} | {orders.Rate / health?.Rate:0.00} | {orders.Latency.Percentile(50):0.00} | {orders.Latency.Percentile(99):0.00} | {orders.Latency.Errors} | {health?.HostCpuPerRequest:0} | {orders.HostCpuPerRequest:0} |"));
        }
        foreach (var summary in summaries)
        {
            Console.WriteLine(summary);
        }
        if (options.WaitForCompletion)
        {
            await WaitForWorkflowAsync(http, accepted.Count, runCpu, options);
            await ReportCompletionAsync(http, accepted, options.CompletionTimeout);
        }
        return 0;
    }

    private static async Task<PhaseResult> RunPhaseAsync(
        HttpClient http, int concurrency, TimeSpan duration, int? hostPid, Func<HttpClient, Task<string?>> request, LatencyRecorder? latency = null)
    {
        latency ??= new LatencyRecorder();
        var cpuBefore = HostCpu.Read(hostPid);
        var results = new List<string>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var mine = new List<string>();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var result = await request(http);
                    if (result is null)
                    {
                        latency.RecordError();
                        continue;
                    }
                    latency.Record(Stopwatch.GetElapsedTime(started));
                    mine.Add(result);
                }
                catch (HttpRequestException)
                {
                    latency.RecordError();
                }
            }
            lock (results)
            {
                results.AddRange(mine);
            }
        });
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        // Host CPU of the phase, whatever the host did in it (the workflow too), per request answered.
        var cpuPerRequest = HostCpu.Read(hostPid) - cpuBefore is { } cpu && latency.Count > 0 ? cpu.TotalMicroseconds / latency.Count : (double?)null;
        return new PhaseResult(latency.Count / elapsed.TotalSeconds, latency, results, cpuPerRequest);
    }

    /// <summary>
    /// Waits until the host's counters show as many orders finished as were accepted, then reports the host's CPU for
    /// the whole run (HTTP, intake and workflow, /health phases included) per order: the cost of an order end to end.
    /// Reading the counters rather than every order keeps the wait itself from costing the host much.
    /// </summary>
    private static async Task WaitForWorkflowAsync(HttpClient http, int accepted, TimeSpan? runCpu, LoadOptions options)
    {
        var clock = Stopwatch.StartNew();
        (long Completed, long Failed) finished;
        try
        {
            while ((finished = await CompletionWindows.ReadFinishedAsync(http)).Completed + finished.Failed < accepted && clock.Elapsed < options.CompletionTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
        catch (HttpRequestException)
        {
            return; // A host without /metrics (--no-telemetry): the polling below still checks every order.
        }
        var cpu = HostCpu.Read(options.HostPid) - runCpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"workflow: {finished.Completed} completed, {finished.Failed} failed of {accepted} accepted, {clock.Elapsed.TotalSeconds:0.0}s after the last accept; host CPU per order end to end: {cpu?.TotalMicroseconds / Math.Max(1, accepted):0} µs"));
    }

    /// <summary>Polls the accepted orders until each is final; completed/s counts from the first accept to the last completion.</summary>
    private static async Task ReportCompletionAsync(HttpClient http, List<string> orderIds, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var remaining = new Queue<string>(orderIds);
        int completed = 0, failed = 0;
        while (remaining.Count > 0 && clock.Elapsed < timeout)
        {
            var batch = Enumerable.Range(0, Math.Min(64, remaining.Count)).Select(_ => remaining.Dequeue()).ToList();
            var statuses = await Task.WhenAll(batch.Select(async id =>
            {
                var json = await http.GetStringAsync(new Uri($"/orders/{id}", UriKind.Relative));
                return (id, status: json.Contains("\"status\":\"COMPLETED\"", StringComparison.Ordinal) ? "COMPLETED"
                    : json.Contains("\"status\":\"FAILED\"", StringComparison.Ordinal) ? "FAILED" : "RUNNING");
            }));
            foreach (var (id, status) in statuses)
            {
                switch (status)
                {
                    case "COMPLETED": completed++; break;
                    case "FAILED": failed++; break;
                    default: remaining.Enqueue(id); break;
                }
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"completion: {completed} COMPLETED, {failed} FAILED, {remaining.Count} unfinished; drained {clock.Elapsed.TotalSeconds:0.0}s after the last accept"));
    }

    private static string OrderBody(string customer) => $$$"""
        {"customerId":"{{{customer}}}","currency":"EUR","paymentToken":"tok_approve",
         "items":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99},{"sku":"SKU-2","quantity":2,"unitPrice":4.5}],
         "shippingAddress":{"name":"Bench","line1":"1 Load St","city":"Berlin","postalCode":"10115","country":"DE"}}
        """;

    private sealed record PhaseResult(double Rate, LatencyRecorder Latency, List<string> Results, double? HostCpuPerRequest);
}
