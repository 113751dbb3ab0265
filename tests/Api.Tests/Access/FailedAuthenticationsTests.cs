using System.Net;
using Microsoft.Extensions.Time.Testing;
using StepOrders.Api.Access;

namespace StepOrders.Api.Tests.Access;

public sealed class FailedAuthenticationsTests : IDisposable
{
    private static readonly int Burst = FailedAuthentications.Allowance.BurstLimit;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FailedAuthentications _failures;

    public FailedAuthenticationsTests() => _failures = new FailedAuthentications(_clock);

    public void Dispose() => _failures.Dispose();

    [Fact]
    public void An_address_is_throttled_after_its_allowance_and_free_again_once_a_token_is_back()
    {
        var address = IPAddress.Parse("203.0.113.7");
        var throttledBefore = Fail(address, Burst - 1);

        _failures.Add(address);
        var throttled = _failures.IsThrottled(address, out var retryAfter);
        _clock.Advance(retryAfter);

        Assert.False(throttledBefore);
        Assert.True(throttled);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        Assert.False(_failures.IsThrottled(address, out _));
    }

    [Fact]
    public void Addresses_are_throttled_apart_but_one_ipv6_slash_64_is_one_client()
    {
        Fail(IPAddress.Parse("2001:db8:1:2::1"), Burst);

        Assert.True(_failures.IsThrottled(IPAddress.Parse("2001:db8:1:2:ffff::9"), out _));
        Assert.False(_failures.IsThrottled(IPAddress.Parse("2001:db8:1:3::1"), out _));
        Assert.False(_failures.IsThrottled(IPAddress.Parse("203.0.113.8"), out _));
    }

    [Fact]
    public void The_table_is_bounded_new_addresses_past_it_share_one_bucket_and_the_sweep_drops_refilled_ones()
    {
        for (var i = 0; i < FailedAuthentications.Capacity; i++)
        {
            _failures.Add(new IPAddress(0x0A000000u + (uint)i));
        }
        Assert.Equal(FailedAuthentications.Capacity, _failures.Count);

        Fail(IPAddress.Parse("198.51.100.1"), Burst);

        Assert.Equal(FailedAuthentications.Capacity, _failures.Count);
        Assert.True(_failures.IsThrottled(IPAddress.Parse("198.51.100.2"), out _));
        _clock.Advance(FailedAuthentications.SweepInterval);
        Assert.Equal(0, _failures.Count);
        Assert.False(_failures.IsThrottled(IPAddress.Parse("198.51.100.2"), out _));
    }

    [Fact]
    public void The_sweep_keeps_an_address_whose_bucket_has_not_refilled()
    {
        var address = IPAddress.Parse("203.0.113.9");
        Fail(address, Burst);

        // Half the bucket is back by the sweep: the address is kept, so half its allowance throttles it again.
        _clock.Advance(FailedAuthentications.SweepInterval);

        Assert.Equal(1, _failures.Count);
        Assert.True(Fail(address, Burst / 2));
    }

    private bool Fail(IPAddress address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Add(address);
        }
        return _failures.IsThrottled(address, out _);
    }
}
