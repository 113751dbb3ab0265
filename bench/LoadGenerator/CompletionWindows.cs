using System.Diagnostics;
using System.Globalization;

namespace StepOrders.LoadGenerator;

/// <summary>
/// While orders are posted, reads the host's <c>steporders_orders_completed_total</c> from <c>GET /metrics</c> every
/// window and prints the orders accepted and completed per second in it, so a long run shows whether the workflow
/// keeps up with the intake (completed/s sustained) or falls behind while the accept rate looks fine.
/// </summary>
internal sealed class CompletionWindows(HttpClient http, TimeSpan window)
{
    private const string Completed = "steporders_orders_completed_total ";

    private readonly List<double> _completedRates = [];

    public async Task RunAsync(Func<int> accepted, CancellationToken stop)
    {
        Console.WriteLine("| window end s | accepted /s | completed /s |");
        Console.WriteLine("|---|---|---|");
        var clock = Stopwatch.StartNew();
        var (lastAccepted, lastCompleted, lastAt) = (accepted(), await ReadCompletedAsync(), TimeSpan.Zero);
        using var timer = new PeriodicTimer(window);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var (nowAccepted, nowCompleted, at) = (accepted(), await ReadCompletedAsync(), clock.Elapsed);
                var seconds = (at - lastAt).TotalSeconds;
                var completedRate = (nowCompleted - lastCompleted) / seconds;
                _completedRates.Add(completedRate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {at.TotalSeconds:0} | {(nowAccepted - lastAccepted) / seconds:0} | {completedRate:0} |"));
                (lastAccepted, lastCompleted, lastAt) = (nowAccepted, nowCompleted, at);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The lowest and mean completed/s over the full windows, the first (warm-up) left out when there are more.</summary>
    public string Summary()
    {
        var rates = _completedRates.Count > 1 ? _completedRates.Skip(1).ToList() : _completedRates;
        return rates.Count == 0
            ? "completed/s: no full window"
            : string.Create(CultureInfo.InvariantCulture,
                $"completed/s over {rates.Count} windows of {window.TotalSeconds:0}s after the first: min {rates.Min():0}, mean {rates.Average():0}");
    }

    private async Task<long> ReadCompletedAsync() => (await ReadFinishedAsync(http)).Completed;

    /// <summary>The host's orders completed and failed so far (every series of the failed counter summed).</summary>
    public static async Task<(long Completed, long Failed)> ReadFinishedAsync(HttpClient http)
    {
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        long completed = 0, failed = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(Completed, StringComparison.Ordinal))
            {
                completed += (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("steporders_orders_failed_total", StringComparison.Ordinal))
            {
                failed += (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }
        return (completed, failed);
    }
}
