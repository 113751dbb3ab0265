using System.Threading.RateLimiting;

namespace StepOrders.Api.UsagePlans;

/// <summary>
/// One key's usage plan as a <see cref="RateLimiter"/>: a request needs a token from the key's
/// <see cref="TokenBucket"/> and room in its daily quota, and takes both, without a lock. Requests are never queued:
/// API Gateway answers 429 at once, and so does this. A refusal carries <see cref="MetadataName.RetryAfter"/> (when a
/// token will be there, or the next UTC midnight for the quota) and <see cref="MetadataName.ReasonPhrase"/>.
/// </summary>
internal sealed class UsagePlanLimiter(UsagePlan plan, QuotaCounter quota, QuotaUsage usage, TimeProvider clock) : RateLimiter
{
    public static readonly RateLimitLease Granted = new Lease(true, null, null);

    private readonly TokenBucket _bucket = new(plan, clock);
    private long _granted;
    private long _refused;

    public UsagePlan Plan => plan;

    public override TimeSpan? IdleDuration => _bucket.FullFor;

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = _bucket.Available,
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        var today = usage.Today;
        if (quota.IsUsedUp(today, plan.QuotaLimit))
        {
            return QuotaUsedUp();
        }
        if (permitCount == 0)
        {
            return _bucket.HasToken ? Granted : Refused(TimeSpan.Zero, "");
        }
        if (!_bucket.TryTake(out var retryAfter))
        {
            return Refused(retryAfter, $"Too many requests: this API key may send {plan.RateLimit} a second, in bursts of up to {plan.BurstLimit}.");
        }
        if (!quota.TryTake(today, plan.QuotaLimit))
        {
            _bucket.GiveBack();
            return QuotaUsedUp();
        }
        Interlocked.Increment(ref _granted);
        return Granted;
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private Lease QuotaUsedUp() =>
        Refused(usage.UntilTomorrow(), $"This API key has used its quota of {plan.QuotaLimit} requests for today; it starts over at midnight UTC.");

    private Lease Refused(TimeSpan retryAfter, string reason)
    {
        Interlocked.Increment(ref _refused);
        return new Lease(false, retryAfter, reason);
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter, string? reason) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name, MetadataName.ReasonPhrase.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter
                : metadataName == MetadataName.ReasonPhrase.Name ? reason
                : null;
            return metadata is not null;
        }
    }
}
