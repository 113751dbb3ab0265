using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;

namespace StepOrders.Api.Access;

/// <summary>
/// Keys looked up recently, so a request costs a hash and a dictionary look-up rather than a database read. A key
/// found is kept for <see cref="TimeToLive"/>, so a key revoked by another process (<c>keys revoke</c>) stops working
/// within that time. A secret found to be no key (unknown or revoked) is remembered for as long, in a table of
/// <see cref="UnknownSlots"/> slots that a newer unknown secret may take over, so one client repeating a bad key does
/// not read the store on every request. Either way a change made by another process is seen within
/// <see cref="TimeToLive"/>; <see cref="Forget"/> (what <see cref="ApiKeyIssuer"/> calls for a key it makes) makes one
/// made in this process count at once.
/// </summary>
/// <remarks>
/// A secret is refused after it was made only if it was sent, and found unknown, in the <see cref="TimeToLive"/>
/// before: never for a secret <c>keys create</c> draws (192 random bits no one sent before), at most 10 s for one
/// chosen elsewhere and tried before it was registered by another process.
/// </remarks>
public sealed class KnownApiKeys(IApiKeyStore store, TimeProvider clock)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(10);

    /// <summary>How many unknown secrets are remembered at most: a slot each, picked by the hash (a power of two).</summary>
    public const int UnknownSlots = 4096;

    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset FoundAt)> _found = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<ApiKey, ClaimsPrincipal> _principals = [];

    // Direct-mapped: bounded without counting or sweeping, and an entry is replaced by one reference write, no lock.
    private readonly Unknown?[] _unknown = new Unknown?[UnknownSlots];

    // Bumped by Forget: a store read that began before it must not remember what it found.
    private long _forgets;

    /// <summary>The key with this secret, from memory or from the store; null when there is none or it was revoked.</summary>
    public async ValueTask<ApiKey?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHash.Of(secret);
        return Found(hash) ?? (IsUnknown(hash) ? null : await ReadAsync(hash, cancellationToken));
    }

    /// <summary>The key with this hash when it was found in the last <see cref="TimeToLive"/>; no store read.</summary>
    public ApiKey? Found(ApiKeyHash hash) =>
        _found.TryGetValue(hash.Hex, out var known) && clock.GetUtcNow() - known.FoundAt < TimeToLive ? known.Key : null;

    /// <summary>Whether the store said in the last <see cref="TimeToLive"/> that this hash is no key; no store read.</summary>
    public bool IsUnknown(ApiKeyHash hash) =>
        Volatile.Read(ref _unknown[Slot(hash)]) is { } unknown && unknown.Hash == hash.Hex && clock.GetUtcNow() < unknown.Until;

    /// <summary>Reads the key from the store, and remembers what it found (a key, or that there is none).</summary>
    public async ValueTask<ApiKey?> ReadAsync(ApiKeyHash hash, CancellationToken cancellationToken)
    {
        var forgets = Volatile.Read(ref _forgets);
        var key = await store.FindAsync(hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (key is null)
        {
            _found.TryRemove(hash.Hex, out _);
            if (Volatile.Read(ref _forgets) == forgets)
            {
                Volatile.Write(ref _unknown[Slot(hash)], new Unknown(hash.Hex, now + TimeToLive));
            }
            return null;
        }
        if (Volatile.Read(ref _forgets) == forgets)
        {
            _found[hash.Hex] = (key, now);
        }
        return key;
    }

    /// <summary>
    /// The key as a principal, made once per key found rather than per request; shared by the key's requests, which
    /// only read it.
    /// </summary>
    public ClaimsPrincipal PrincipalOf(ApiKey key, string scheme) =>
        _principals.TryGetValue(key, out var principal) ? principal : _principals.GetValue(key, key => ApiCaller.ToPrincipal(key, scheme));

    /// <summary>Forgets what is known of a hash at once: for a key made, registered or revoked in this process.</summary>
    public void Forget(ApiKeyHash hash)
    {
        Interlocked.Increment(ref _forgets);
        _found.TryRemove(hash.Hex, out _);
        ref var slot = ref _unknown[Slot(hash)];
        if (Volatile.Read(ref slot) is { } unknown && unknown.Hash == hash.Hex)
        {
            Interlocked.CompareExchange(ref slot, null, unknown);
        }
    }

    // SHA-256 spreads evenly, so its first 32 bits pick a slot as well as any hash of them would.
    private static int Slot(ApiKeyHash hash) =>
        (int)(uint.Parse(hash.Hex.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) & (UnknownSlots - 1));

    private sealed record Unknown(string Hash, DateTimeOffset Until);
}
