using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.DynamoDb;

/// <summary>
/// DynamoDB failures that a later call may not meet reach the ports as <see cref="StoreUnavailableException"/>
/// (a 503 at the API, a retried Order.Transient in a step); errors about the request itself do not.
/// </summary>
public sealed class DynamoDbStoreClientTests : IAsyncDisposable
{
    private readonly AwsJsonStub dynamo = new();

    public ValueTask DisposeAsync() => dynamo.DisposeAsync();

    [Theory]
    [InlineData(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException")]
    [InlineData(400, "com.amazonaws.dynamodb.v20120810#ThrottlingException")]
    [InlineData(400, "com.amazonaws.dynamodb.v20120810#RequestLimitExceeded")]
    [InlineData(500, "com.amazonaws.dynamodb.v20120810#InternalServerError")]
    [InlineData(503, "com.amazonaws.dynamodb.v20120810#ServiceUnavailable")]
    public async Task A_throttled_or_failing_table_makes_the_store_unavailable(int status, string type)
    {
        dynamo.Answer("GetItem", $$"""{"__type":"{{type}}","message":"Try again later."}""", status);
        var store = StoreAt(dynamo.Endpoint);

        var unavailable = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync(OrderId.New(DateTimeOffset.UtcNow), CancellationToken.None));

        Assert.IsAssignableFrom<AmazonServiceException>(unavailable.InnerException);
        Assert.Contains("DynamoDB GetItem failed", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_makes_the_store_unavailable()
    {
        var store = StoreAt(new Uri($"http://127.0.0.1:{ClosedPort()}/"));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync(OrderId.New(DateTimeOffset.UtcNow), CancellationToken.None));
    }

    [Fact]
    public async Task A_request_DynamoDB_refuses_as_invalid_is_not_taken_for_an_outage()
    {
        dynamo.Answer("GetItem", """{"__type":"com.amazon.coral.validate#ValidationException","message":"The provided key element does not match the schema"}""", 400);
        var store = StoreAt(dynamo.Endpoint);

        var refused = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => store.GetAsync(OrderId.New(DateTimeOffset.UtcNow), CancellationToken.None));

        Assert.Equal("ValidationException", refused.ErrorCode);
    }

    [Fact]
    public async Task A_call_the_caller_cancels_stays_cancelled()
    {
        var store = StoreAt(dynamo.Endpoint);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetAsync(OrderId.New(DateTimeOffset.UtcNow), cancelled.Token));
    }

    /// <summary>The order store on a client as the hosts make it, with the SDK's retries off so each test makes one call.</summary>
    private static DynamoDbOrderStore StoreAt(Uri endpoint) => new(
        new DynamoDbStoreClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 }),
        DynamoDbTables.WithPrefix("t-"));

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
