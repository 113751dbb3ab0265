namespace StepOrders.Api.UsagePlans;

/// <summary>
/// API Gateway's throttle: a bucket of <see cref="UsagePlan.BurstLimit"/> tokens, full at first, refilled at
/// <see cref="UsagePlan.RateLimit"/> tokens a second; a request takes one. Refilled lazily from the clock's timestamps
/// when asked, so no timer runs and a fake clock drives it. Not thread-safe: its limiter locks around it.
/// </summary>
internal sealed class TokenBucket(UsagePlan plan, TimeProvider clock)
{
    private double _tokens = plan.BurstLimit;
    private long _refilledAt = clock.GetTimestamp();
    private long _fullSince = clock.GetTimestamp();

    /// <summary>Takes a token, or says how long until one is there.</summary>
    public bool TryTake(out TimeSpan retryAfter)
    {
        Refill();
        if (_tokens >= 1)
        {
            _tokens -= 1;
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = TimeSpan.FromSeconds((1 - _tokens) / plan.RateLimit);
        return false;
    }

    public bool HasToken()
    {
        Refill();
        return _tokens >= 1;
    }

    public long Available
    {
        get
        {
            Refill();
            return (long)_tokens;
        }
    }

    /// <summary>How long the bucket has been full; null while it is not (a full bucket may be dropped and made anew).</summary>
    public TimeSpan? FullFor
    {
        get
        {
            Refill();
            return _tokens >= plan.BurstLimit ? clock.GetElapsedTime(_fullSince) : null;
        }
    }

    private void Refill()
    {
        var now = clock.GetTimestamp();
        if (_tokens >= plan.BurstLimit)
        {
            _refilledAt = now;
            return;
        }
        var tokens = _tokens + (clock.GetElapsedTime(_refilledAt, now).TotalSeconds * plan.RateLimit);
        if (tokens >= plan.BurstLimit)
        {
            // When it became full, so an idle key's bucket is known to be idle since then.
            _fullSince = _refilledAt + (long)((plan.BurstLimit - _tokens) / plan.RateLimit * clock.TimestampFrequency);
            tokens = plan.BurstLimit;
        }
        _tokens = tokens;
        _refilledAt = now;
    }
}
