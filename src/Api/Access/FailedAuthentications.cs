using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Access;

/// <summary>
/// Failed authentications (a key that is unknown, revoked or malformed) counted per client address, in a token bucket
/// of <see cref="Allowance"/>: an address past it is answered 429 without its key being looked up, until a token is
/// back. Usage plans throttle known keys only; this throttles the guessing of keys, and the store reads that a stream
/// of random keys would cost. A key found in <see cref="KnownApiKeys"/>' memory is never held up here, so a
/// client sharing an address with a guesser (a NAT) keeps working while its key is known.
/// </summary>
/// <remarks>
/// The table holds at most <see cref="Capacity"/> addresses; past that, new ones share one bucket until the sweep
/// (every <see cref="SweepInterval"/>, off the request path) drops addresses whose bucket is full again, which carry
/// nothing worth keeping. IPv6 addresses count by their /64 prefix, as one host usually holds the whole /64. Behind a
/// reverse proxy every client has the proxy's address; the host does not read <c>X-Forwarded-For</c>, which any
/// client could forge.
/// </remarks>
public sealed class FailedAuthentications : IDisposable
{
    /// <summary>20 failures at once, then one a second (the quota is unused).</summary>
    public static readonly UsagePlan Allowance = new(RateLimit: 1, BurstLimit: 20, QuotaLimit: UsagePlan.MaxQuotaLimit);

    public const int Capacity = 10_000;
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private static readonly IPAddress NoAddress = IPAddress.None;

    private readonly ConcurrentDictionary<IPAddress, TokenBucket> _buckets = new();
    private readonly TokenBucket _overflow;
    private readonly TimeProvider _clock;
    private readonly ITimer _sweep;
    private int _count;

    public FailedAuthentications(TimeProvider clock)
    {
        _clock = clock;
        _overflow = new TokenBucket(Allowance, clock);
        _sweep = clock.CreateTimer(static state => ((FailedAuthentications)state!).Sweep(), this, SweepInterval, SweepInterval);
    }

    /// <summary>How many addresses the table holds now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Whether <paramref name="address"/> has used its allowance, and if so when it may try again; no allocation when it has failed none.</summary>
    public bool IsThrottled(IPAddress? address, out TimeSpan retryAfter)
    {
        var client = Client(address);
        var bucket = _buckets.TryGetValue(client, out var own) ? own : Count >= Capacity ? _overflow : null;
        retryAfter = bucket?.UntilToken ?? TimeSpan.Zero;
        return retryAfter > TimeSpan.Zero;
    }

    /// <summary>Counts a failed authentication from <paramref name="address"/>.</summary>
    public void Add(IPAddress? address) => BucketOf(Client(address)).TryTake(out _);

    public void Dispose() => _sweep.Dispose();

    private TokenBucket BucketOf(IPAddress client)
    {
        if (_buckets.TryGetValue(client, out var bucket))
        {
            return bucket;
        }
        if (Count >= Capacity)
        {
            return _overflow;
        }
        var added = new TokenBucket(Allowance, _clock);
        if (_buckets.TryAdd(client, added))
        {
            Interlocked.Increment(ref _count);
            return added;
        }
        return _buckets.TryGetValue(client, out bucket) ? bucket : added;
    }

    /// <summary>Drops addresses whose bucket is full: they have failed nothing in the time it takes to refill.</summary>
    private void Sweep()
    {
        foreach (var entry in _buckets)
        {
            if (entry.Value.FullFor is not null && _buckets.TryRemove(entry))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    private static IPAddress Client(IPAddress? address)
    {
        if (address is null)
        {
            return NoAddress;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }
}
