using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepOrders.Api.Access;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// The API Gateway keys the API function serves, in the api-keys table by API Gateway's key id: API Gateway checks
/// the secret and applies the usage plan, this says whom the key speaks for. An item needs only <c>keyId</c>, so an
/// operator can bind a key with one <c>aws dynamodb put-item</c>; <c>name</c> defaults to the id, <c>admin</c> to false.
/// </summary>
public sealed class DynamoDbApiKeyStore(IAmazonDynamoDB dynamo, DynamoDbTables tables) : IGatewayApiKeyStore
{
    public async Task<ApiKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(
            new GetItemRequest { TableName = tables.ApiKeys, Key = new() { [ApiKeyItem.KeyId] = OrderItem.S(keyId) } },
            cancellationToken);
        if (!response.IsItemSet || response.Item.Count == 0)
        {
            return null;
        }
        var item = response.Item;
        return new ApiKey(
            keyId,
            item.TryGetValue(ApiKeyItem.Name, out var name) && name.S is { Length: > 0 } ? name.S : keyId,
            item.TryGetValue(ApiKeyItem.CustomerId, out var customer) && customer.S is { Length: > 0 } ? customer.S : null,
            item.TryGetValue(ApiKeyItem.Admin, out var admin) && admin.BOOL == true,
            item.TryGetValue(ApiKeyItem.CreatedAt, out var created) && created.S is { Length: > 0 } ? OrderItem.ParseTime(created.S) : DateTimeOffset.UnixEpoch,
            // API Gateway applies the key's usage plan; behind it the API applies none, so this one goes unused.
            UsagePlan.Default);
    }

    /// <summary>Binds the key API Gateway knows by <see cref="ApiKey.Id"/> to its caller, replacing any earlier binding.</summary>
    public async Task BindAsync(ApiKey key, CancellationToken cancellationToken)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [ApiKeyItem.KeyId] = OrderItem.S(key.Id),
            [ApiKeyItem.Name] = OrderItem.S(key.Name),
            [ApiKeyItem.Admin] = new() { BOOL = key.IsAdmin },
            [ApiKeyItem.CreatedAt] = OrderItem.S(OrderItem.Time(key.CreatedAt)),
        };
        if (key.CustomerId is not null)
        {
            item[ApiKeyItem.CustomerId] = OrderItem.S(key.CustomerId);
        }
        await dynamo.PutItemAsync(new PutItemRequest { TableName = tables.ApiKeys, Item = item }, cancellationToken);
    }
}
