using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Access;

/// <summary>
/// An API key as the API knows it: never the secret itself. A key bound to a customer reaches that customer's orders
/// only; an admin key reaches every order and <c>/admin</c>. A revoked key is kept (for <c>keys list</c>) but no
/// longer opens anything.
/// </summary>
public sealed record ApiKey(
    string Id, string Name, string? CustomerId, bool IsAdmin, DateTimeOffset CreatedAt, UsagePlan Plan, DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
