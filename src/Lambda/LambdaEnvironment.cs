namespace StepOrders.Lambda;

/// <summary>
/// The environment variables the CDK stack gives each function and the composition reads: where the resources
/// behind the ports are (a function gets only those of the ports it uses), and the stage every function's metrics
/// carry.
/// </summary>
internal static class LambdaEnvironment
{
    public const string Stage = "STEPORDERS_STAGE";
    public const string OrdersTable = "STEPORDERS_ORDERS_TABLE";
    public const string InventoryTable = "STEPORDERS_INVENTORY_TABLE";
    public const string IdempotencyTable = "STEPORDERS_IDEMPOTENCY_TABLE";
    public const string ApiKeysTable = "STEPORDERS_API_KEYS_TABLE";
    public const string QueueUrl = "STEPORDERS_QUEUE_URL";
    public const string DeadLetterQueueUrl = "STEPORDERS_DEAD_LETTER_QUEUE_URL";
    public const string MaxReceiveCount = "STEPORDERS_MAX_RECEIVE_COUNT";
    public const string StateMachineArn = "STEPORDERS_STATE_MACHINE_ARN";
}
