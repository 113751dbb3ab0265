using System.Collections.Concurrent;

namespace StepOrders.Api.UsagePlans;

/// <summary>
/// Every key's quota counter for today, in memory: counting a request is a lock on its key's counter, never a write.
/// <see cref="QuotaFlush"/> loads today's counts before the host serves and writes the counters that moved every
/// <see cref="QuotaFlush.Interval"/> and at shutdown.
/// </summary>
public sealed class QuotaUsage(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, QuotaCounter> _counters = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock;

    /// <summary>Today, the UTC day, as <see cref="DateOnly.DayNumber"/>: quotas reset at UTC midnight, as API Gateway's DAY period does.</summary>
    public int Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).DayNumber;

    /// <summary>Time left until the next UTC midnight, when every quota starts over.</summary>
    public TimeSpan UntilTomorrow()
    {
        var now = _clock.GetUtcNow();
        return now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;
    }

    internal QuotaCounter For(string keyId) => _counters.GetOrAdd(keyId, static (_, day) => new QuotaCounter(day, 0), Today);

    /// <summary>Takes the counts of <paramref name="day"/> from the store, before any request is counted.</summary>
    internal void Load(int day, IReadOnlyDictionary<string, long> counts)
    {
        foreach (var (keyId, used) in counts)
        {
            _counters.TryAdd(keyId, new QuotaCounter(day, used));
        }
    }

    internal List<QuotaUse> Unflushed()
    {
        var uses = new List<QuotaUse>();
        foreach (var (keyId, counter) in _counters)
        {
            if (counter.Unflushed(keyId) is { } use)
            {
                uses.Add(use);
            }
        }
        return uses;
    }

    internal void MarkFlushed(IEnumerable<QuotaUse> uses)
    {
        foreach (var use in uses)
        {
            if (_counters.TryGetValue(use.KeyId, out var counter))
            {
                counter.MarkFlushed(use);
            }
        }
    }
}
