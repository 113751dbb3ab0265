using Microsoft.Extensions.Configuration;
using StepOrders.Local.Engines;

namespace StepOrders.Local.Tests.Engines;

public sealed class EngineOptionsTests
{
    private static EngineOptions From(params (string Key, string Value)[] settings) =>
        EngineOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .Build());

    [Fact]
    public void Without_options_the_host_keeps_everything_in_SQLite()
    {
        var options = From();

        Assert.Equal((OrderStoreEngine.Sqlite, OrderQueueEngine.Sqlite), (options.Store, options.Queue));
        Assert.True(options.SeedsDemoCatalog);
    }

    [Fact]
    public void DynamoDB_and_SQS_on_stand_ins_take_their_endpoints_and_names()
    {
        var options = From(
            ("store", "dynamodb"), ("dynamodb-endpoint", "http://127.0.0.1:4567"), ("queue", "sqs"), ("sqs-endpoint", "http://127.0.0.1:4568"),
            ("region", "eu-west-1"), ("table-prefix", "steporders-dev-"), ("queue-name", "steporders-dev-orders"));

        Assert.Equal((OrderStoreEngine.DynamoDb, OrderQueueEngine.Sqs), (options.Store, options.Queue));
        Assert.Equal(new Uri("http://127.0.0.1:4567"), options.DynamoDbEndpoint);
        Assert.Equal("eu-west-1", options.Region?.SystemName);
        Assert.Equal(("steporders-dev-", "steporders-dev-orders"), (options.TablePrefix, options.QueueName));
        Assert.True(options.SeedsDemoCatalog);
    }

    [Fact]
    public void Step_Functions_runs_the_workflow_on_the_state_machine_named_at_the_endpoint_given()
    {
        var options = From(
            ("store", "dynamodb"), ("workflow", "stepfunctions"),
            ("state-machine-arn", "arn:aws:states:eu-central-1:123456789012:stateMachine:steporders-dev-orders"),
            ("sfn-endpoint", "http://127.0.0.1:5080/sfn"));

        Assert.Equal(OrderWorkflowEngine.StepFunctions, options.Workflow);
        Assert.Equal("arn:aws:states:eu-central-1:123456789012:stateMachine:steporders-dev-orders", options.StateMachineArn);
        Assert.Equal(new Uri("http://127.0.0.1:5080/sfn"), options.StepFunctionsEndpoint);
        Assert.Equal("eu-central-1", EngineOptions.StateMachineRegion(options.StateMachineArn!)?.SystemName);
        Assert.Equal(OrderWorkflowEngine.Embedded, From().Workflow);
    }

    [Fact]
    public void An_AWS_account_s_inventory_is_not_seeded_with_the_demo_catalog()
    {
        Assert.False(From(("store", "dynamodb")).SeedsDemoCatalog);
    }

    [Theory]
    [InlineData("store", "mongodb", "--store is one of sqlite, dynamodb")]
    [InlineData("queue", "kafka", "--queue is one of sqlite, sqs")]
    [InlineData("queue", "sqs", "--queue sqs needs --store dynamodb")]
    [InlineData("dynamodb-endpoint", "http://127.0.0.1:1", "--dynamodb-endpoint is for --store dynamodb")]
    [InlineData("workflow", "temporal", "--workflow is one of embedded, stepfunctions")]
    [InlineData("workflow", "stepfunctions", "--workflow stepfunctions needs --store dynamodb")]
    [InlineData("state-machine-arn", "arn:aws:states:us-east-1:123456789012:stateMachine:orders", "--state-machine-arn and --sfn-endpoint are for --workflow stepfunctions")]
    [InlineData("sfn-endpoint", "http://127.0.0.1:5080/sfn", "--state-machine-arn and --sfn-endpoint are for --workflow stepfunctions")]
    public void A_wrong_option_stops_the_start_naming_it(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From((key, value)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "--workflow stepfunctions needs --state-machine-arn")]
    [InlineData("steporders-dev-orders", "--state-machine-arn is arn:aws:states:REGION:ACCOUNT:stateMachine:NAME, not 'steporders-dev-orders'")]
    [InlineData("arn:aws:states:us-east-1:123456789012:execution:orders:ord_1", "--state-machine-arn is arn:aws:states:REGION:ACCOUNT:stateMachine:NAME")]
    public void Step_Functions_without_a_state_machine_ARN_stops_the_start(string? arn, string message)
    {
        (string, string)[] settings = arn is null
            ? [("store", "dynamodb"), ("workflow", "stepfunctions")]
            : [("store", "dynamodb"), ("workflow", "stepfunctions"), ("state-machine-arn", arn)];

        var error = Assert.Throws<InvalidOperationException>(() => From(settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
