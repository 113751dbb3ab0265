using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Sqs;
using StepOrders.Aws.StepFunctions;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Orders;

namespace StepOrders.Lambda.Tests.Published;

/// <summary>
/// Fresh tables in dynalite, fresh queues in fauxqs and a Step Functions stub for one test, with the environment a
/// function gets from the stack pointing there, and the adapters themselves, for the test to seed and read back.
/// </summary>
internal sealed class AwsStandins : IAsyncDisposable
{
    public const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:steporders-test-orders";

    private AwsStandins(DynaliteFixture dynalite, FauxqsFixture fauxqs, DynamoDbTables tables, SqsQueues queues)
    {
        Tables = tables;
        Queues = queues;
        Store = new DynamoDbOrderStore(dynalite.Client, tables);
        Inventory = new DynamoDbInventory(dynalite.Client, tables);
        Queue = new SqsOrderQueue(fauxqs.Client, queues);
        Intake = new DynamoDbOrderIntake(dynalite.Client, tables, Store, Queue, TimeProvider.System, NullLogger<DynamoDbOrderIntake>.Instance);
        ApiKeys = new DynamoDbApiKeyStore(dynalite.Client, tables);
        Environment = new Dictionary<string, string>
        {
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = ((AmazonDynamoDBConfig)dynalite.Client.Config).ServiceURL,
            ["AWS_ENDPOINT_URL_SQS"] = fauxqs.Client.Config.ServiceURL,
            ["AWS_ENDPOINT_URL_SFN"] = StepFunctions.Endpoint.ToString(),
            [LambdaEnvironment.Stage] = "test",
            [LambdaEnvironment.OrdersTable] = tables.Orders,
            [LambdaEnvironment.InventoryTable] = tables.Inventory,
            [LambdaEnvironment.IdempotencyTable] = tables.Idempotency,
            [LambdaEnvironment.ApiKeysTable] = tables.ApiKeys,
            [LambdaEnvironment.QueueUrl] = queues.QueueUrl,
            [LambdaEnvironment.DeadLetterQueueUrl] = queues.DeadLetterQueueUrl,
            [LambdaEnvironment.MaxReceiveCount] = queues.MaxReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [LambdaEnvironment.StateMachineArn] = StateMachineArn,
        };
    }

    public DynamoDbTables Tables { get; }

    public SqsQueues Queues { get; }

    public DynamoDbOrderStore Store { get; }

    public DynamoDbInventory Inventory { get; }

    public SqsOrderQueue Queue { get; }

    public DynamoDbOrderIntake Intake { get; }

    public DynamoDbApiKeyStore ApiKeys { get; }

    public AwsJsonStub StepFunctions { get; } = new();

    /// <summary>What the stack would set on the function, pointed at the stand-ins.</summary>
    public Dictionary<string, string> Environment { get; }

    public static async Task<AwsStandins> CreateAsync(DynaliteFixture dynalite, FauxqsFixture fauxqs) =>
        new(dynalite, fauxqs, await dynalite.CreateTablesAsync(), await fauxqs.CreateQueuesAsync(maxReceiveCount: 5));

    /// <summary>Places an order through the real intake: stored PENDING and queued.</summary>
    public async Task<Order> PlaceAsync(string token = TestCardNetwork.Approve, string sku = "SKU-1", int quantity = 2)
    {
        var now = DateTimeOffset.UtcNow;
        var draft = new OrderDraft(
            "cust-1",
            [new OrderLine(sku, quantity, 10m)],
            new Currency("EUR", 2),
            new ShippingAddress("Ada", "1 Way", null, "London", "N1", "GB"),
            token);
        var order = Order.Place(draft, OrderId.New(now), now);
        await Intake.AcceptAsync(order, null, CancellationToken.None);
        return order;
    }

    public ValueTask DisposeAsync() => StepFunctions.DisposeAsync();
}
