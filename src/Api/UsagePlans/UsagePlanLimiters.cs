using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using StepOrders.Api.Access;

namespace StepOrders.Api.UsagePlans;

/// <summary>
/// The usage plans partitioned by API key: the request's key (left by authentication) picks its
/// <see cref="UsagePlanLimiter"/>, made on the key's first request. A request without a key passes here and gets its
/// 401 from authorization. <see cref="PartitionedRateLimiter.Create{TResource, TPartitionKey}"/> would do the same
/// behind one lock for all keys; a concurrent dictionary finds a key's limiter without one, and a key's limiter is
/// small enough to keep for as long as the host runs.
/// </summary>
internal sealed class UsagePlanLimiters(QuotaUsage usage, TimeProvider clock) : PartitionedRateLimiter<HttpContext>
{
    private readonly ConcurrentDictionary<string, UsagePlanLimiter> _limiters = new(StringComparer.Ordinal);

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
        limiter = new UsagePlanLimiter(key.Plan, usage.For(key.Id), usage, clock);
        return _limiters.AddOrUpdate(key.Id, limiter, (_, existing) => existing.Plan == key.Plan ? existing : limiter);
    }
}
