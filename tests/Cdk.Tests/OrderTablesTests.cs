using System.Reflection;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepOrders.Aws.DynamoDb;

namespace StepOrders.Cdk.Tests;

[Collection(SynthesizedStacksCollection.Name)]
public sealed class OrderTablesTests(SynthesizedStacks stacks)
{
    private JsonNode Table(SynthesizedStack stack, string name) =>
        stack.Single("AWS::DynamoDB::Table", table => (string?)table["Properties"]!["TableName"] == name);

    [Fact]
    public async Task The_tables_have_the_keys_and_indexes_the_DynamoDB_adapters_create()
    {
        var created = await CreatedBySetupAsync(DynamoDbTables.WithPrefix("steporders-dev-"));

        foreach (var request in created)
        {
            var table = Table(stacks.Dev, request.TableName)["Properties"]!;
            Assert.Equal(Keys(request.KeySchema), Keys(table["KeySchema"]!));
            Assert.Equal(
                request.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType.Value}").Order(StringComparer.Ordinal),
                table["AttributeDefinitions"]!.AsArray().Select(a => $"{a!["AttributeName"]}:{a["AttributeType"]}").Order(StringComparer.Ordinal));
            Assert.Equal(
                (request.GlobalSecondaryIndexes ?? []).Select(i => $"{i.IndexName}({Keys(i.KeySchema)}) {i.Projection.ProjectionType.Value}").Order(StringComparer.Ordinal),
                (table["GlobalSecondaryIndexes"]?.AsArray() ?? [])
                    .Select(i => $"{i!["IndexName"]}({Keys(i["KeySchema"]!)}) {i["Projection"]!["ProjectionType"]}").Order(StringComparer.Ordinal));
        }
        Assert.Equal(4, created.Count);
    }

    [Theory]
    [InlineData("steporders-dev-orders")]
    [InlineData("steporders-dev-inventory")]
    [InlineData("steporders-dev-idempotency")]
    [InlineData("steporders-dev-api-keys")]
    public void Each_table_is_on_demand_with_point_in_time_recovery_and_encryption(string name)
    {
        var table = Table(stacks.Dev, name)["Properties"]!;

        Assert.Equal("PAY_PER_REQUEST", (string?)table["BillingMode"]);
        Assert.True((bool)table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
        Assert.True((bool)table["SSESpecification"]!["SSEEnabled"]!);
    }

    [Fact]
    public void Idempotency_records_expire_by_their_expiresAt_attribute()
    {
        var ttl = Table(stacks.Dev, "steporders-dev-idempotency")["Properties"]!["TimeToLiveSpecification"]!;

        Assert.Equal("expiresAt", (string?)ttl["AttributeName"]);
        Assert.True((bool)ttl["Enabled"]!);
    }

    [Fact]
    public void Prod_keeps_its_tables_when_the_stack_or_a_table_is_removed_and_dev_does_not()
    {
        var prod = Table(stacks.Prod, "steporders-prod-orders");
        var dev = Table(stacks.Dev, "steporders-dev-orders");

        Assert.Equal("Retain", (string?)prod["DeletionPolicy"]);
        Assert.True((bool)prod["Properties"]!["DeletionProtectionEnabled"]!);
        Assert.Equal("Delete", (string?)dev["DeletionPolicy"]);
    }

    private static string Keys(IEnumerable<KeySchemaElement> keys) => string.Join(",", keys.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"));

    private static string Keys(JsonNode keys) => string.Join(",", keys.AsArray().Select(k => $"{k!["AttributeName"]}:{k["KeyType"]}"));

    /// <summary>Runs the adapters' own table setup against a client that records each CreateTable request.</summary>
    private static async Task<List<CreateTableRequest>> CreatedBySetupAsync(DynamoDbTables tables)
    {
        var client = DispatchProxy.Create<IAmazonDynamoDB, TableSetupRecorder>();
        await DynamoDbTableSetup.CreateAsync(client, tables, CancellationToken.None);
        return ((TableSetupRecorder)(object)client).Created;
    }

    public class TableSetupRecorder : DispatchProxy
    {
        public List<CreateTableRequest> Created { get; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IAmazonDynamoDB.CreateTableAsync) when args?[0] is CreateTableRequest request =>
                Record(request),
            nameof(IAmazonDynamoDB.DescribeTableAsync) =>
                Task.FromResult(new DescribeTableResponse { Table = new TableDescription { TableStatus = TableStatus.ACTIVE } }),
            _ => throw new NotSupportedException($"The table setup called {targetMethod?.Name}."),
        };

        private Task<CreateTableResponse> Record(CreateTableRequest request)
        {
            Created.Add(request);
            return Task.FromResult(new CreateTableResponse());
        }
    }
}
