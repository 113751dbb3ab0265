namespace StepOrders.Aws.DynamoDb;

/// <summary>Attribute names of the api-keys table: one item per API Gateway key bound to a caller.</summary>
internal static class ApiKeyItem
{
    /// <summary>API Gateway's id of the key (<c>aws apigateway create-api-key … --query id</c>), the partition key.</summary>
    public const string KeyId = "keyId";

    public const string Name = "name";

    /// <summary>The customer whose orders the key reaches; absent for a shop's back end or an admin key.</summary>
    public const string CustomerId = "customerId";

    /// <summary>BOOL; an absent attribute means false.</summary>
    public const string Admin = "admin";

    public const string CreatedAt = "createdAt";
}
