using System.Collections.Concurrent;

namespace StepOrders.Api.Access;

/// <summary>
/// Keys found recently by their gateway id, so a request does not read the store each time; kept for
/// <see cref="KnownApiKeys.TimeToLive"/> like keys found by secret, so a binding changed in the store is seen within
/// that time. Only found keys are kept: a key bound a moment ago works at once.
/// </summary>
public sealed class KnownGatewayApiKeys(IGatewayApiKeyStore store, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset FoundAt)> _found = new(StringComparer.Ordinal);

    public async ValueTask<ApiKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_found.TryGetValue(keyId, out var known) && now - known.FoundAt < KnownApiKeys.TimeToLive)
        {
            return known.Key;
        }
        var key = await store.FindAsync(keyId, cancellationToken);
        if (key is null)
        {
            _found.TryRemove(keyId, out _);
            return null;
        }
        _found[keyId] = (key, now);
        return key;
    }
}
