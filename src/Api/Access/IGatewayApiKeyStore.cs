namespace StepOrders.Api.Access;

/// <summary>
/// Keys a gateway checks (API Gateway's API keys), by the gateway's id for them: the gateway knows the secret and
/// applies the usage plan; the API needs only whom the key speaks for (a customer, or admin).
/// </summary>
public interface IGatewayApiKeyStore
{
    /// <summary>The key the gateway knows by <paramref name="keyId"/>, or null when it is bound to no caller here.</summary>
    Task<ApiKey?> FindAsync(string keyId, CancellationToken cancellationToken);
}
