namespace StepOrders.Api.UsagePlans;

/// <summary>
/// API Gateway's throttle: a bucket of <see cref="UsagePlan.BurstLimit"/> tokens, full at first, refilled at
/// <see cref="UsagePlan.RateLimit"/> tokens a second; a request takes one. Kept as the generic cell rate algorithm
/// (ITU-T I.371), which is that bucket written as one number — the theoretical arrival time of the next request — so a
/// request takes its token with one compare-and-swap, no lock, and no timer runs: time comes from the clock's
/// timestamps when asked, so a fake clock drives it.
/// </summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _clock;
    private readonly long _interval;
    private readonly long _tolerance;
    private long _theoreticalArrival;

    public TokenBucket(UsagePlan plan, TimeProvider clock)
    {
        _clock = clock;
        _interval = Math.Max(1, (long)Math.Round(clock.TimestampFrequency / plan.RateLimit));
        _tolerance = (plan.BurstLimit - 1) * _interval;
        _theoreticalArrival = clock.GetTimestamp();
    }

    /// <summary>Takes a token, or says how long until one is there.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        var now = _clock.GetTimestamp();
        while (true)
        {
            var arrival = Volatile.Read(ref _theoreticalArrival);
            var next = Math.Max(arrival, now);
            if (next - now > _tolerance)
            {
                retryAfter = TimeSpan.FromSeconds((double)(next - now - _tolerance) / _clock.TimestampFrequency);
                return false;
            }
            if (Interlocked.CompareExchange(ref _theoreticalArrival, next + _interval, arrival) == arrival)
            {
                retryAfter = TimeSpan.Zero;
                return true;
            }
        }
    }

    /// <summary>Gives back a token taken by a request refused for another reason (its quota).</summary>
    public void GiveBack() => Interlocked.Add(ref _theoreticalArrival, -_interval);

    public bool HasToken => Math.Max(Volatile.Read(ref _theoreticalArrival), _clock.GetTimestamp()) - _clock.GetTimestamp() <= _tolerance;

    /// <summary>How long until a token is there; zero when one is.</summary>
    public TimeSpan UntilToken
    {
        get
        {
            var now = _clock.GetTimestamp();
            var wait = Math.Max(Volatile.Read(ref _theoreticalArrival), now) - now - _tolerance;
            return wait > 0 ? TimeSpan.FromSeconds((double)wait / _clock.TimestampFrequency) : TimeSpan.Zero;
        }
    }

    public long Available
    {
        get
        {
            var now = _clock.GetTimestamp();
            var backlog = Math.Max(Volatile.Read(ref _theoreticalArrival), now) - now;
            return Math.Max(0, (_tolerance - backlog) / _interval + 1);
        }
    }

    /// <summary>How long the bucket has been full; null while it is not.</summary>
    public TimeSpan? FullFor
    {
        get
        {
            var now = _clock.GetTimestamp();
            var arrival = Volatile.Read(ref _theoreticalArrival);
            return arrival <= now ? _clock.GetElapsedTime(arrival, now) : null;
        }
    }
}
