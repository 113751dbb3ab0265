namespace StepOrders.Api.UsagePlans;

/// <summary>
/// One key's requests counted against its quota on one UTC day; a new day starts at zero. <see cref="Flushed"/> is
/// how many of them are in the store, so a flush writes only counters that moved.
/// </summary>
internal sealed class QuotaCounter(int day, long used)
{
    private readonly Lock _gate = new();
    private int _day = day;
    private long _used = used;
    private long _flushed = used;

    /// <summary>Counts a request unless the quota of <paramref name="day"/> is used up.</summary>
    public bool TryTake(int day, long quota)
    {
        lock (_gate)
        {
            if (day != _day)
            {
                (_day, _used, _flushed) = (day, 0, 0);
            }
            if (_used >= quota)
            {
                return false;
            }
            _used++;
            return true;
        }
    }

    public bool IsUsedUp(int day, long quota)
    {
        lock (_gate)
        {
            return day == _day && _used >= quota;
        }
    }

    /// <summary>The day and count to write, when they moved since the last flush.</summary>
    public QuotaUse? Unflushed(string keyId)
    {
        lock (_gate)
        {
            return _used == _flushed ? null : new QuotaUse(keyId, _day, _used);
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
