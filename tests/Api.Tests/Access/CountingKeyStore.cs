using System.Collections.Concurrent;
using StepOrders.Api.Access;

namespace StepOrders.Api.Tests.Access;

/// <summary>An <see cref="IApiKeyStore"/> that counts its look-ups, around a real store or a dictionary of its own.</summary>
public sealed class CountingKeyStore(IApiKeyStore? inner = null) : IApiKeyStore
{
    private readonly ConcurrentDictionary<string, ApiKey> _keys = new(StringComparer.Ordinal);
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task<ApiKey?> FindAsync(ApiKeyHash hash, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return inner?.FindAsync(hash, cancellationToken)
            ?? Task.FromResult(_keys.TryGetValue(hash.Hex, out var key) && !key.IsRevoked ? key : null);
    }

    public Task<bool> TryAddAsync(ApiKey key, ApiKeyHash hash, CancellationToken cancellationToken) =>
        inner?.TryAddAsync(key, hash, cancellationToken) ?? Task.FromResult(_keys.TryAdd(hash.Hex, key));

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        inner?.ListAsync(cancellationToken) ?? Task.FromResult<IReadOnlyList<ApiKey>>([.. _keys.Values]);

    public Task<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (inner is not null)
        {
            return inner.RevokeAsync(keyId, at, cancellationToken);
        }
        foreach (var (hash, key) in _keys)
        {
            if (key.Id == keyId && !key.IsRevoked)
            {
                return Task.FromResult(_keys.TryUpdate(hash, key with { RevokedAt = at }, key));
            }
        }
        return Task.FromResult(false);
    }
}
