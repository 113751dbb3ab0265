using StepOrders.Api.Access;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Lambda.Tests.ApiGateway;

/// <summary>The API keys bound in the api-keys table, in memory.</summary>
internal sealed class GatewayKeys(params ApiKey[] keys) : IGatewayApiKeyStore
{
    /// <summary>The <c>requestContext.identity.apiKeyId</c> of the documented events in <c>Events/</c>.</summary>
    public const string DocumentedKeyId = "a1b2c3d4e5";

    public static ApiKey Key(string id = DocumentedKeyId, string? customerId = null, bool admin = false) =>
        new(id, "shop", customerId, admin, DateTimeOffset.UnixEpoch, UsagePlan.Default);

    public Task<ApiKey?> FindAsync(string keyId, CancellationToken cancellationToken) =>
        Task.FromResult(keys.FirstOrDefault(key => key.Id == keyId));
}
