using System.Globalization;
using Amazon;

namespace StepOrders.Local.Engines;

/// <summary>
/// Where the host keeps orders, queues them and runs their workflow: SQLite in the data folder and the embedded
/// runtime (the default), or AWS's engines. <c>--store dynamodb</c> puts orders, idempotency keys, inventory and
/// payments in DynamoDB; <c>--queue sqs</c> the order queue in SQS. <c>--dynamodb-endpoint URL</c> and
/// <c>--sqs-endpoint URL</c> point at a stand-in (dynalite, fauxqs) or a local endpoint, and the host then creates the
/// tables and queues it misses; without them the host talks to AWS in <c>--region</c> (else the SDK's region chain)
/// with the SDK's credential chain, and expects the stack's tables and queues (<c>--table-prefix steporders-dev-</c>,
/// <c>--queue-name steporders-dev-orders</c>). <c>--workflow stepfunctions --state-machine-arn ARN</c> starts each
/// order's execution on that state machine in Step Functions (in the ARN's region, or at <c>--sfn-endpoint URL</c>)
/// instead of the embedded runtime; its Tasks are the stack's functions, which read the stack's tables, so it needs
/// <c>--store dynamodb</c>. API keys and telemetry stay in the data folder.
/// </summary>
public sealed record EngineOptions(
    OrderStoreEngine Store,
    OrderQueueEngine Queue,
    Uri? DynamoDbEndpoint,
    Uri? SqsEndpoint,
    RegionEndpoint? Region,
    string TablePrefix,
    string QueueName,
    OrderWorkflowEngine Workflow = OrderWorkflowEngine.Embedded,
    string? StateMachineArn = null,
    Uri? StepFunctionsEndpoint = null)
{
    public const string DefaultTablePrefix = "steporders-";
    public const string DefaultQueueName = "steporders-orders";

    /// <summary>
    /// Whether a new data folder may seed the demo catalog into the inventory: not into an AWS account's tables,
    /// where it would overwrite real stock levels.
    /// </summary>
    public bool SeedsDemoCatalog => Store == OrderStoreEngine.Sqlite || DynamoDbEndpoint is not null;

    public static EngineOptions From(IConfiguration configuration)
    {
        var errors = new List<string>();
        var store = Parse(configuration["store"], OrderStoreEngine.Sqlite, "--store", "sqlite, dynamodb", errors);
        var queue = Parse(configuration["queue"], OrderQueueEngine.Sqlite, "--queue", "sqlite, sqs", errors);
        var dynamoDb = Endpoint(configuration["dynamodb-endpoint"], "--dynamodb-endpoint", errors);
        var sqs = Endpoint(configuration["sqs-endpoint"], "--sqs-endpoint", errors);
        var workflow = Parse(configuration["workflow"], OrderWorkflowEngine.Embedded, "--workflow", "embedded, stepfunctions", errors);
        var stateMachineArn = configuration["state-machine-arn"] is { Length: > 0 } arn ? arn : null;
        var stepFunctions = Endpoint(configuration["sfn-endpoint"], "--sfn-endpoint", errors);
        if (store == OrderStoreEngine.Sqlite && queue == OrderQueueEngine.Sqs)
        {
            // The SQLite intake stores an order and queues it in one transaction of its own database.
            errors.Add("--queue sqs needs --store dynamodb: the SQLite store queues its orders in SQLite.");
        }
        if (dynamoDb is not null && store != OrderStoreEngine.DynamoDb)
        {
            errors.Add("--dynamodb-endpoint is for --store dynamodb.");
        }
        if (sqs is not null && queue != OrderQueueEngine.Sqs)
        {
            errors.Add("--sqs-endpoint is for --queue sqs.");
        }
        if (workflow == OrderWorkflowEngine.StepFunctions)
        {
            if (store != OrderStoreEngine.DynamoDb)
            {
                errors.Add("--workflow stepfunctions needs --store dynamodb: the state machine's functions read the orders from DynamoDB.");
            }
            if (stateMachineArn is null)
            {
                errors.Add("--workflow stepfunctions needs --state-machine-arn (the stack's StateMachineArn output).");
            }
            else if (StateMachineRegion(stateMachineArn) is null)
            {
                errors.Add($"--state-machine-arn is arn:aws:states:REGION:ACCOUNT:stateMachine:NAME, not '{stateMachineArn}'.");
            }
        }
        else if (stateMachineArn is not null || stepFunctions is not null)
        {
            errors.Add("--state-machine-arn and --sfn-endpoint are for --workflow stepfunctions.");
        }
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }
        return new EngineOptions(
            store,
            queue,
            dynamoDb,
            sqs,
            configuration["region"] is { Length: > 0 } region ? RegionEndpoint.GetBySystemName(region) : null,
            configuration["table-prefix"] is { Length: > 0 } prefix ? prefix : DefaultTablePrefix,
            configuration["queue-name"] is { Length: > 0 } name ? name : DefaultQueueName,
            workflow,
            stateMachineArn,
            stepFunctions);
    }

    /// <summary>The region a state machine ARN names (<c>arn:aws:states:REGION:ACCOUNT:stateMachine:NAME</c>), or null if it is no such ARN.</summary>
    public static RegionEndpoint? StateMachineRegion(string stateMachineArn) =>
        stateMachineArn.Split(':') is ["arn", _, "states", { Length: > 0 } region, _, "stateMachine", { Length: > 0 }]
            ? RegionEndpoint.GetBySystemName(region)
            : null;

    private static T Parse<T>(string? value, T fallback, string option, string allowed, List<string> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, CultureInfo.InvariantCulture, out _))
        {
            return parsed;
        }
        errors.Add($"{option} is one of {allowed}, not '{value}'.");
        return fallback;
    }

    private static Uri? Endpoint(string? value, string option, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }
        errors.Add($"{option} is an http(s) URL, not '{value}'.");
        return null;
    }
}

public enum OrderStoreEngine
{
    Sqlite,
    DynamoDb,
}

public enum OrderQueueEngine
{
    Sqlite,
    Sqs,
}

public enum OrderWorkflowEngine
{
    Embedded,
    StepFunctions,
}
