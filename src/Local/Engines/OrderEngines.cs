using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SQS;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.StepFunctions;
using StepOrders.Local.Inventory;
using StepOrders.Local.Orders;
using StepOrders.Local.Payments;
using StepOrders.Local.Queue;
using StepOrders.Local.Workflow;
using StepOrders.Orders.Ports;

namespace StepOrders.Local.Engines;

/// <summary>The one place the host picks its engines: the adapters behind the store, intake, inventory, payments, queue and workflow ports.</summary>
internal static class OrderEngines
{
    public static IServiceCollection AddOrderEngines(this IServiceCollection services, EngineOptions options)
    {
        services.AddSingleton(options);
        if (options.Store == OrderStoreEngine.DynamoDb)
        {
            services.AddSingleton<IAmazonDynamoDB>(_ => new DynamoDbStoreClient(
                Credentials(options.DynamoDbEndpoint), Configure(new AmazonDynamoDBConfig(), options.DynamoDbEndpoint, options)));
            // The api-keys table is the API function's on AWS; here keys stay in the data folder.
            services.AddSingleton(DynamoDbTables.WithPrefix(options.TablePrefix) with { ApiKeys = "" });
            services.AddSingleton<DynamoDbOrderStore>();
            services.AddSingleton<IOrderStore>(provider => provider.GetRequiredService<DynamoDbOrderStore>());
            services.AddSingleton<IOrderIntake, DynamoDbOrderIntake>();
            services.AddSingleton<IInventory, DynamoDbInventory>();
            services.AddSingleton<IPaymentGateway, DynamoDbPaymentGateway>();
            if (options.DynamoDbEndpoint is not null)
            {
                // Before the host's own start-up, which may seed the demo catalog into the inventory.
                services.AddHostedService<StandinTables>();
            }
        }
        else
        {
            services.AddSingleton<IOrderStore, SqliteOrderStore>();
            services.AddSingleton<IOrderIntake, SqliteOrderIntake>();
            services.AddSingleton<IInventory, SqliteInventory>();
            services.AddSingleton<IPaymentGateway, SimulatedPaymentGateway>();
        }
        if (options.Queue == OrderQueueEngine.Sqs)
        {
            services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient(
                Credentials(options.SqsEndpoint), Configure(new AmazonSQSConfig(), options.SqsEndpoint, options)));
            services.AddSingleton<SqsQueueConnection>();
            services.AddHostedService(provider => provider.GetRequiredService<SqsQueueConnection>());
            services.AddSingleton<IOrderQueue, ConnectingSqsOrderQueue>();
        }
        else
        {
            services.AddSingleton<IOrderQueue, SqliteOrderQueue>();
        }
        if (options.Workflow == OrderWorkflowEngine.StepFunctions)
        {
            services.AddSingleton<IOrderWorkflow>(_ => StepFunctionsWorkflow(options));
        }
        else
        {
            services.AddSingleton<IOrderWorkflow, EmbeddedOrderWorkflow>();
        }
        return services;
    }

    /// <summary>
    /// The order workflow on the state machine <see cref="EngineOptions.StateMachineArn"/>, in Step Functions in the
    /// ARN's region or at <see cref="EngineOptions.StepFunctionsEndpoint"/> (another host's <c>/sfn</c>, say, whose
    /// admin key is then the access key id).
    /// </summary>
    private static StepFunctionsOrderWorkflow StepFunctionsWorkflow(EngineOptions options)
    {
        var arn = options.StateMachineArn!;
        var region = EngineOptions.StateMachineRegion(arn)!;
        var endpoint = options.StepFunctionsEndpoint ?? new Uri($"https://states.{region.SystemName}.amazonaws.com/");
        var client = StepFunctionsClient.Create(endpoint, Credentials(options.StepFunctionsEndpoint), region);
        return new StepFunctionsOrderWorkflow(client, arn);
    }

    /// <summary>The SDK's credential chain; a stand-in takes any signature, so without credentials it gets placeholder ones.</summary>
    private static AWSCredentials Credentials(Uri? endpoint)
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException) when (endpoint is not null)
        {
            return new BasicAWSCredentials("local", "local");
        }
    }

    private static TConfig Configure<TConfig>(TConfig config, Uri? endpoint, EngineOptions options)
        where TConfig : ClientConfig
    {
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = options.Region?.SystemName ?? "us-east-1";
        }
        else if (options.Region is not null)
        {
            config.RegionEndpoint = options.Region;
        }
        return config;
    }
}
