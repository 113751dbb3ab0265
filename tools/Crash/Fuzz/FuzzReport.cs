using System.Collections.Concurrent;
using System.Globalization;

namespace StepOrders.Crash.Fuzz;

/// <summary>What the fuzz run saw: answers by endpoint and status class, and every answer that broke the contract.</summary>
internal sealed class FuzzReport(int seed, int requests)
{
    private const int KeptFindingsOfAKind = 5;

    private readonly ConcurrentDictionary<(string Target, int StatusClass), int> _answers = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _findings = new(StringComparer.Ordinal);
    private int _serverErrors;
    private int _wrongShape;
    private int _hangs;
    private int _unanswered;
    private long _slowestMs;

    public int Sent => _answers.Values.Sum() + _hangs + _unanswered;

    public int ServerErrors => _serverErrors;

    public int WrongShape => _wrongShape;

    public int Hangs => _hangs;

    public int Unanswered => _unanswered;

    public double? PeakResidentMiB { get; set; }

    public bool HostAlive { get; set; } = true;

    public bool Passed => _serverErrors == 0 && _wrongShape == 0 && _hangs == 0 && _unanswered == 0 && HostAlive;

    public void Answered(string target, int status, long elapsedMs)
    {
        _answers.AddOrUpdate((target, status / 100), 1, (_, n) => n + 1);
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        InterlockedMax(ref _slowestMs, elapsedMs);
        if (status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
    }

    public void Find(string kind, string target, string detail)
    {
        switch (kind)
        {
            case "shape":
                Interlocked.Increment(ref _wrongShape);
                break;
            case "hang":
                Interlocked.Increment(ref _hangs);
                break;
            case "unanswered":
                Interlocked.Increment(ref _unanswered);
                break;
        }
        var kept = _findings.GetOrAdd(kind, _ => new ConcurrentQueue<string>());
        if (kept.Count < KeptFindingsOfAKind)
        {
            kept.Enqueue($"{kind} {target}: {(detail.Length > 300 ? detail[..300] + "…" : detail)}");
        }
    }

    public void Write(TextWriter output, TimeSpan duration)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz run, seed {seed}: {Sent} of {requests} requests in {duration.TotalMinutes:0.0} min ({Sent / Math.Max(1, duration.TotalSeconds):0}/s), slowest answer {_slowestMs} ms, host peak RSS {PeakResidentMiB:0} MiB, host {(HostAlive ? "alive" : "DEAD")}"));
        foreach (var target in _answers.Keys.Select(k => k.Target).Distinct().Order(StringComparer.Ordinal))
        {
            var classes = string.Join(", ", _answers.Where(a => a.Key.Target == target).OrderBy(a => a.Key.StatusClass).Select(a => $"{a.Key.StatusClass}xx: {a.Value}"));
            output.WriteLine($"  {target,-45} {classes}");
        }
        output.WriteLine($"  by status: {string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        output.WriteLine($"  500s and other 5xx: {_serverErrors}   4xx without problem details or AWS's error shape: {_wrongShape}   hangs (no answer in 15 s): {_hangs}   connections dropped: {_unanswered}");
        foreach (var finding in _findings.Values.SelectMany(kept => kept))
        {
            output.WriteLine($"    {finding}");
        }
        output.WriteLine(Passed ? "PASSED: every answer was a 2xx or a 4xx in the documented shape." : "FAILED");
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
