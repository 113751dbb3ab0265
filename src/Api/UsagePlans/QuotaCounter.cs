namespace StepOrders.Api.UsagePlans;

/// <summary>
/// One key's requests counted against its quota on one UTC day; a new day starts at zero. The count last written to
/// the store is kept too, so a flush writes only counters that moved.
/// </summary>
internal sealed class QuotaCounter(int day, long used)
{
    private readonly Lock _gate = new();
    private int _day = day;
    private long _used = used;
    private long _flushed = used;

    /// <summary>Counts a request unless the quota of <paramref name="day"/> is used up; lock-free but at midnight.</summary>
    public bool TryTake(int day, long quota)
    {
        if (day != Volatile.Read(ref _day))
        {
            lock (_gate)
            {
                if (day != _day)
                {
                    (_used, _flushed) = (0, 0);
                    Volatile.Write(ref _day, day);
                }
            }
        }
        if (Interlocked.Increment(ref _used) <= quota)
        {
            return true;
        }
        Interlocked.Decrement(ref _used);
        return false;
    }

    public bool IsUsedUp(int day, long quota) => day == Volatile.Read(ref _day) && Volatile.Read(ref _used) >= quota;

    /// <summary>The day and count to write, when they moved since the last flush.</summary>
    public QuotaUse? Unflushed(string keyId)
    {
        lock (_gate)
        {
            var used = Volatile.Read(ref _used);
            return used == _flushed ? null : new QuotaUse(keyId, _day, used);
        }
    }

    public void MarkFlushed(QuotaUse use)
    {
        lock (_gate)
        {
            if (use.Day == _day && use.Used > _flushed)
            {
                _flushed = use.Used;
            }
        }
    }
}

/// <summary>A key's count on a UTC day (days since 0001-01-01, <see cref="DateOnly.DayNumber"/>).</summary>
public sealed record QuotaUse(string KeyId, int Day, long Used);
