namespace StepOrders.Api.Access;

/// <summary>
/// An API key as the API knows it once the caller's secret matched: never the secret itself. A key bound to a
/// customer reaches that customer's orders only; an admin key reaches every order and <c>/admin</c>.
/// </summary>
public sealed record ApiKey(string Id, string Name, string? CustomerId, bool IsAdmin, DateTimeOffset CreatedAt);
