namespace StepOrders.Orders;

/// <summary>
/// A client's <c>Idempotency-Key</c>, scoped to who sent it, with a fingerprint of the request body so the same
/// key with another body is told apart from a retry.
/// </summary>
public sealed record IdempotencyClaim(string Scope, string Key, string RequestFingerprint, DateTimeOffset ExpiresAt);
