namespace StepOrders.Api.Access;

/// <summary>Where API keys are kept, by the SHA-256 of their secret (the secret itself is never stored).</summary>
public interface IApiKeyStore
{
    /// <summary>The key whose secret has this hash, unless there is none or it was revoked.</summary>
    Task<ApiKey?> FindAsync(ApiKeyHash hash, CancellationToken cancellationToken);

    /// <summary>Saves a key; false (and nothing saved) when a key with the same secret exists already.</summary>
    Task<bool> TryAddAsync(ApiKey key, ApiKeyHash hash, CancellationToken cancellationToken);

    /// <summary>Every key, revoked ones too, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the key with this id; false when there is no such key or it was revoked already.</summary>
    Task<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken);
}
