using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;

namespace StepOrders.Api.Access;

/// <summary>
/// Keys found recently, so a request costs a hash and a dictionary look-up rather than a database read. Only found
/// keys are kept (a new key works at once), for <see cref="TimeToLive"/>, so a key revoked by another process
/// (<c>keys revoke</c>) stops working within that time; one revoked through <see cref="Forget"/> stops at once.
/// </summary>
public sealed class KnownApiKeys(IApiKeyStore store, TimeProvider clock)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset FoundAt)> _found = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<ApiKey, ClaimsPrincipal> _principals = [];

    public async ValueTask<ApiKey?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeyHash.Of(secret);
        var now = clock.GetUtcNow();
        if (_found.TryGetValue(hash.Hex, out var known) && now - known.FoundAt < TimeToLive)
        {
            return known.Key;
        }
        var key = await store.FindAsync(hash, cancellationToken);
        if (key is null)
        {
            _found.TryRemove(hash.Hex, out _);
            return null;
        }
        _found[hash.Hex] = (key, now);
        return key;
    }

    /// <summary>
    /// The key as a principal, made once per key found rather than per request; shared by the key's requests, which
    /// only read it.
    /// </summary>
    public ClaimsPrincipal PrincipalOf(ApiKey key, string scheme) =>
        _principals.TryGetValue(key, out var principal) ? principal : _principals.GetValue(key, key => ApiCaller.ToPrincipal(key, scheme));

    /// <summary>Forgets a key at once (for a key revoked in this process).</summary>
    public void Forget(ApiKeyHash hash) => _found.TryRemove(hash.Hex, out _);
}
