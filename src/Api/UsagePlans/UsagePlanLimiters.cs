using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using StepOrders.Api.Access;

namespace StepOrders.Api.UsagePlans;

/// <summary>
/// The usage plans partitioned by API key: the request's key (left by authentication) picks its
/// <see cref="UsagePlanLimiter"/>, made on the key's first request. A request without a key passes here and gets its
/// 401 from authorization. <see cref="PartitionedRateLimiter.Create{TResource, TPartitionKey}"/> would do the same
/// behind one lock for all keys; a concurrent dictionary finds a key's limiter without one.
/// </summary>
/// <remarks>
/// A limiter whose bucket has been full for <see cref="IdleTimeout"/> is dropped by a sweep every
/// <see cref="IdleTimeout"/> (a timer of the clock's, off the request path), so revoked and idle keys do not stay in
/// memory: a full bucket carries nothing worth keeping (the quota count lives in <see cref="QuotaUsage"/>), and the
/// key's next request makes a full one. A request that took a token from a limiter in the moment it was dropped puts it
/// back, unless a new limiter was made meanwhile: that key may then send one request more than its burst, once.
/// </remarks>
internal sealed class UsagePlanLimiters : PartitionedRateLimiter<HttpContext>
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, UsagePlanLimiter> _limiters = new(StringComparer.Ordinal);
    private readonly QuotaUsage _usage;
    private readonly TimeProvider _clock;
    private readonly ITimer _sweep;

    public UsagePlanLimiters(QuotaUsage usage, TimeProvider clock)
    {
        _usage = usage;
        _clock = clock;
        _sweep = clock.CreateTimer(static state => ((UsagePlanLimiters)state!).Sweep(), this, IdleTimeout, IdleTimeout);
    }

    /// <summary>How many keys have a limiter now.</summary>
    public int Count => _limiters.Count;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => For(resource)?.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        For(resource)?.AttemptAcquire(permitCount) ?? UsagePlanLimiter.Granted;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    /// <summary>The key's limiter; made anew when the key's plan is not the one it was made with.</summary>
    private UsagePlanLimiter? For(HttpContext context)
    {
        if (context.Features.Get<ApiKey>() is not { } key)
        {
            return null;
        }
        if (_limiters.TryGetValue(key.Id, out var limiter) && limiter.Plan == key.Plan)
        {
            return limiter;
        }
        limiter = new UsagePlanLimiter(key.Plan, _usage.For(key.Id), _usage, _clock);
        return _limiters.AddOrUpdate(key.Id, limiter, (_, existing) => existing.Plan == key.Plan ? existing : limiter);
    }

    /// <summary>Drops the limiters whose bucket has been full for <see cref="IdleTimeout"/>.</summary>
    internal void Sweep()
    {
        foreach (var entry in _limiters)
        {
            if (entry.Value.IdleDuration >= IdleTimeout && _limiters.TryRemove(entry) && entry.Value.IdleDuration is null)
            {
                // A request took a token between the check and the removal: keep what it took.
                _limiters.TryAdd(entry.Key, entry.Value);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sweep.Dispose();
        }
        base.Dispose(disposing);
    }
}
