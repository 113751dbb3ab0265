using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace StepOrders.LoadGenerator;

/// <summary>
/// Posts orders at each concurrency for a fixed time against a running host and reports accepted/s and the
/// p50/p99 accept latency beside the same host's bare GET /health rate measured in the same run, then how fast
/// the accepted orders reached COMPLETED.
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
        Console.WriteLine("| concurrency | GET /health /s | POST /orders /s | ratio | accept p50 ms | accept p99 ms | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var accepted = new List<string>();
        foreach (var concurrency in options.Concurrency)
        {
            var health = await RunPhaseAsync(http, concurrency, options.Duration, async client =>
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                return response.IsSuccessStatusCode ? "" : null;
            });
            var orders = await RunPhaseAsync(http, concurrency, options.Duration, async client =>
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(new Uri("/orders", UriKind.Relative), content);
                return response.StatusCode == HttpStatusCode.Created ? response.Headers.Location!.OriginalString["/orders/".Length..] : null;
            });
            lock (accepted)
            {
                accepted.AddRange(orders.Results);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {health.Rate:0} | {orders.Rate:0} | {orders.Rate / health.Rate:0.00} | {orders.Latency.Percentile(50):0.00} | {orders.Latency.Percentile(99):0.00} | {orders.Latency.Errors} |"));
        }
        if (options.WaitForCompletion)
        {
            await ReportCompletionAsync(http, accepted, options.CompletionTimeout);
        }
        return 0;
    }

    private static async Task<PhaseResult> RunPhaseAsync(HttpClient http, int concurrency, TimeSpan duration, Func<HttpClient, Task<string?>> request)
    {
        var latency = new LatencyRecorder();
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
        return new PhaseResult(latency.Count / clock.Elapsed.TotalSeconds, latency, results);
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

    private sealed record PhaseResult(double Rate, LatencyRecorder Latency, List<string> Results);
}
