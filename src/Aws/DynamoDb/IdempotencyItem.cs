using Amazon.DynamoDBv2.Model;
using StepOrders.Orders;

namespace StepOrders.Aws.DynamoDb;

/// <summary>An idempotency claim as an item of the idempotency table.</summary>
internal static class IdempotencyItem
{
    public const string Key = "key";
    public const string OrderId = "orderId";
    public const string Fingerprint = "fingerprint";

    /// <summary>Epoch seconds; the table's TTL attribute, so DynamoDB deletes expired claims by itself.</summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>Scope and key, length-prefixed so no scope/key pair can spell another.</summary>
    public static AttributeValue KeyOf(IdempotencyClaim claim) =>
        OrderItem.S($"{claim.Scope.Length}:{claim.Scope}:{claim.Key}");

    public static Dictionary<string, AttributeValue> ToItem(IdempotencyClaim claim, OrderId orderId) => new()
    {
        [Key] = KeyOf(claim),
        [OrderId] = OrderItem.S(orderId.Value),
        [Fingerprint] = OrderItem.S(claim.RequestFingerprint),
        [ExpiresAt] = OrderItem.N(claim.ExpiresAt.ToUnixTimeSeconds()),
    };
}
