using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime.Credentials;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StepOrders.Api.Access;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Sqs;
using StepOrders.Aws.StepFunctions;
using StepOrders.Lambda.Runtime;
using StepOrders.Orders.Ports;
using StepOrders.Steps;

namespace StepOrders.Lambda;

/// <summary>
/// The Lambda host's composition, in one place: logging, time, where metrics go, the functions' code and the AWS
/// adapters. Only the chosen function is resolved, so a function builds only the clients and reads only the settings
/// its ports need; a missing setting is an initialization error naming it.
/// </summary>
internal static class LambdaServiceCollectionExtensions
{
    public static IServiceCollection AddStepOrdersLambda(this IServiceCollection services)
    {
        services.AddLogging(logging => logging
            .SetMinimumLevel(MinimumLevel(Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL")))
            .AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            })
            // Every line inside an activity (each invocation's, each step's) carries its TraceId and SpanId.
            .Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId));
        services.AddSingleton(TimeProvider.System);
        // A function whose metrics carry no stage would be invisible to its stage's alarms: no stage is an init error.
        services.AddSingleton(_ => new MetricsDestination(Required(LambdaEnvironment.Stage), Console.Out));
        services.AddStepOrdersSteps();
        AddAwsAdapters(services);
        return services;
    }

    /// <summary>
    /// The ports' AWS adapters. The SDK clients take region, credentials and endpoint overrides
    /// (<c>AWS_ENDPOINT_URL_DYNAMODB</c>, <c>AWS_ENDPOINT_URL_SQS</c>) from the environment as the SDKs document;
    /// the Step Functions client follows the same convention with <c>AWS_ENDPOINT_URL_SFN</c>.
    /// </summary>
    private static void AddAwsAdapters(IServiceCollection services)
    {
        services.AddSingleton<IAmazonDynamoDB>(_ => new DynamoDbStoreClient());
        services.AddSingleton(_ => new DynamoDbTables(
            Required(LambdaEnvironment.OrdersTable),
            Environment.GetEnvironmentVariable(LambdaEnvironment.InventoryTable) ?? "",
            Environment.GetEnvironmentVariable(LambdaEnvironment.IdempotencyTable) ?? "",
            Environment.GetEnvironmentVariable(LambdaEnvironment.ApiKeysTable) ?? ""));
        services.AddSingleton<DynamoDbOrderStore>();
        services.AddSingleton<IOrderStore>(provider => provider.GetRequiredService<DynamoDbOrderStore>());
        services.AddSingleton<IInventory, DynamoDbInventory>();
        services.AddSingleton<IPaymentGateway, DynamoDbPaymentGateway>();
        services.AddSingleton<IOrderIntake, DynamoDbOrderIntake>();
        services.AddSingleton<IGatewayApiKeyStore>(provider =>
        {
            var tables = provider.GetRequiredService<DynamoDbTables>();
            return tables.ApiKeys.Length > 0
                ? new DynamoDbApiKeyStore(provider.GetRequiredService<IAmazonDynamoDB>(), tables)
                : throw new InvalidOperationException($"The environment variable {LambdaEnvironment.ApiKeysTable} is not set.");
        });

        services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());
        services.AddSingleton(_ => new SqsQueues(
            Required(LambdaEnvironment.QueueUrl),
            Required(LambdaEnvironment.DeadLetterQueueUrl),
            int.Parse(Required(LambdaEnvironment.MaxReceiveCount), System.Globalization.CultureInfo.InvariantCulture)));
        services.AddSingleton<IOrderQueue, SqsOrderQueue>();

        services.AddSingleton<IOrderWorkflow>(_ =>
        {
            var region = RegionEndpoint.GetBySystemName(Required("AWS_REGION"));
            var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SFN")
                ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL")
                ?? $"https://states.{region.SystemName}.amazonaws.com/";
            var client = StepFunctionsClient.Create(new Uri(endpoint), DefaultAWSCredentialsIdentityResolver.GetCredentials(), region);
            return new StepFunctionsOrderWorkflow(client, Required(LambdaEnvironment.StateMachineArn));
        });
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The environment variable {name} is not set.");

    /// <summary>Lambda's advanced logging controls pass the function's application log level in AWS_LAMBDA_LOG_LEVEL.</summary>
    private static LogLevel MinimumLevel(string? lambdaLevel) => lambdaLevel?.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
