using System.Security.Cryptography;

namespace StepOrders.Api.Access;

/// <summary>Makes new keys (a random secret shown once) and registers secrets chosen elsewhere (<c>STEPORDERS_API_KEY</c>).</summary>
public sealed class ApiKeyIssuer(IApiKeyStore store, TimeProvider clock)
{
    private const string SecretPrefix = "so_";

    /// <summary>Creates a key and returns its secret, which exists nowhere else afterwards.</summary>
    public async Task<string> IssueAsync(string name, string? customerId, bool isAdmin, CancellationToken cancellationToken)
    {
        var secret = SecretPrefix + Base64UrlToken(24);
        var key = new ApiKey(NewId(), name, customerId, isAdmin, clock.GetUtcNow());
        if (!await store.TryAddAsync(key, ApiKeyHash.Of(secret), cancellationToken))
        {
            throw new InvalidOperationException("A fresh random secret matched an existing key.");
        }
        return secret;
    }

    /// <summary>Registers <paramref name="secret"/> as a key unless it is one already.</summary>
    public Task<bool> RegisterAsync(string secret, string name, bool isAdmin, CancellationToken cancellationToken) =>
        store.TryAddAsync(new ApiKey(NewId(), name, null, isAdmin, clock.GetUtcNow()), ApiKeyHash.Of(secret), cancellationToken);

    private static string NewId() => "key_" + Base64UrlToken(9);

    private static string Base64UrlToken(int bytes) => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
