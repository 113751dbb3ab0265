using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using StepOrders.Api.Access;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Tests.UsagePlans;

public sealed class UsagePlanLimitersTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly UsagePlanLimiters _limiters;

    public UsagePlanLimitersTests() => _limiters = new UsagePlanLimiters(new QuotaUsage(_clock), _clock);

    public void Dispose() => _limiters.Dispose();

    [Fact]
    public void A_keys_limiter_is_dropped_once_its_bucket_has_been_full_for_the_idle_timeout()
    {
        var idle = Request(Key("key_idle", new UsagePlan(RateLimit: 10, BurstLimit: 10, QuotaLimit: 1000)));
        Assert.True(_limiters.AttemptAcquire(idle).IsAcquired);
        Assert.Equal(1, _limiters.Count);

        _clock.Advance(UsagePlanLimiters.IdleTimeout);
        var afterOneSweep = _limiters.Count;
        _clock.Advance(UsagePlanLimiters.IdleTimeout);

        Assert.Equal(1, afterOneSweep);
        Assert.Equal(0, _limiters.Count);
    }

    [Fact]
    public void A_throttled_keys_limiter_is_kept_until_its_bucket_has_refilled_so_it_stays_throttled()
    {
        // One token, back after 200 s.
        var slow = Request(Key("key_slow", new UsagePlan(RateLimit: 0.005, BurstLimit: 1, QuotaLimit: 1000)));
        Assert.True(_limiters.AttemptAcquire(slow).IsAcquired);

        _clock.Advance(UsagePlanLimiters.IdleTimeout * 3);

        Assert.Equal(1, _limiters.Count);
        Assert.False(_limiters.AttemptAcquire(slow).IsAcquired);
    }

    [Fact]
    public void A_key_served_again_after_its_limiter_was_dropped_gets_a_full_bucket_and_keeps_its_quota()
    {
        var key = Request(Key("key_back", new UsagePlan(RateLimit: 1, BurstLimit: 2, QuotaLimit: 3)));
        Assert.True(_limiters.AttemptAcquire(key).IsAcquired);
        Assert.True(_limiters.AttemptAcquire(key).IsAcquired);

        _clock.Advance(UsagePlanLimiters.IdleTimeout * 2);
        Assert.Equal(0, _limiters.Count);

        Assert.True(_limiters.AttemptAcquire(key).IsAcquired);
        Assert.False(_limiters.AttemptAcquire(key).IsAcquired);
    }

    private static ApiKey Key(string id, UsagePlan plan) => new(id, id, null, false, DateTimeOffset.UnixEpoch, plan);

    private static DefaultHttpContext Request(ApiKey key)
    {
        var context = new DefaultHttpContext();
        context.Features.Set(key);
        return context;
    }
}
