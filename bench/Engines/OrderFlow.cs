using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StepOrders.Bench;

namespace StepOrders.EnginesBench;

/// <summary>
/// The end-to-end flow against one running host: clients post orders for a fixed time (accepted/s, from the 201s),
/// then every accepted order is polled until final (completed/s, from the first accept to the last completion seen).
/// </summary>
internal static class OrderFlow
{
    public static async Task<FlowResult> RunAsync(HostProcess host, int concurrency, TimeSpan duration, TimeSpan completionTimeout)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("x-api-key", host.ApiKey);

        var accepted = new List<string>();
        var latencies = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new StringContent(OrderLoad.Body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("/orders", UriKind.Relative), content);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (accepted)
                {
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        accepted.Add(response.Headers.Location!.OriginalString["/orders/".Length..]);
                        latencies.Add(elapsed);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }
        }));
        var acceptSeconds = clock.Elapsed.TotalSeconds;

        var remaining = new Queue<string>(accepted);
        int completed = 0, failed = 0;
        var lastFinal = clock.Elapsed;
        while (remaining.Count > 0 && clock.Elapsed < duration + completionTimeout)
        {
            var round = Enumerable.Range(0, Math.Min(remaining.Count, 256)).Select(_ => remaining.Dequeue()).ToList();
            var statuses = await Task.WhenAll(round.Select(async id =>
                (id, status: (string?)JsonNode.Parse(await http.GetStringAsync(new Uri($"/orders/{id}", UriKind.Relative)))!["status"])));
            foreach (var (id, status) in statuses)
            {
                switch (status)
                {
                    case "COMPLETED":
                        completed++;
                        lastFinal = clock.Elapsed;
                        break;
                    case "FAILED":
                        failed++;
                        lastFinal = clock.Elapsed;
                        break;
                    default:
                        remaining.Enqueue(id);
                        break;
                }
            }
            if (statuses.All(s => s.status is not ("COMPLETED" or "FAILED")))
            {
                await Task.Delay(200);
            }
        }
        latencies.Sort();
        return new FlowResult(
            accepted.Count / acceptSeconds,
            latencies.Count > 0 ? latencies[latencies.Count / 2] : double.NaN,
            latencies.Count > 0 ? latencies[(int)(latencies.Count * 0.99)] : double.NaN,
            completed / lastFinal.TotalSeconds,
            accepted.Count, completed, failed, remaining.Count, errors);
    }
}

internal sealed record FlowResult(
    double AcceptedPerSecond, double AcceptP50, double AcceptP99, double CompletedPerSecond,
    int Accepted, int Completed, int Failed, int Unfinished, int Errors);
