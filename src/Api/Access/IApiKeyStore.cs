namespace StepOrders.Api.Access;

/// <summary>Where API keys are kept, by the SHA-256 of their secret (the secret itself is never stored).</summary>
public interface IApiKeyStore
{
    Task<ApiKey?> FindAsync(ApiKeyHash hash, CancellationToken cancellationToken);

    /// <summary>Saves a key; false (and nothing saved) when a key with the same secret exists already.</summary>
    Task<bool> TryAddAsync(ApiKey key, ApiKeyHash hash, CancellationToken cancellationToken);
}
