using Amazon.DynamoDBv2;
using Amazon.Runtime;
using StepOrders.Aws.DynamoDb;

namespace StepOrders.Aws.Tests.Standins;

/// <summary>One dynalite (in-memory DynamoDB) per test collection; each test makes its own tables in it.</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private StandinProcess? dynalite;

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        dynalite = await StandinProcess.StartDynaliteAsync();
        // The adapters' client, as the hosts make it, so the contract suites run through its failure handling too.
        Client = new DynamoDbStoreClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
    }

    /// <summary>Fresh tables with a name prefix no other test uses.</summary>
    public async Task<DynamoDbTables> CreateTablesAsync()
    {
        var tables = DynamoDbTables.WithPrefix($"t{Guid.NewGuid():N}-"[..12]);
        await DynamoDbTableSetup.CreateAsync(Client, tables, CancellationToken.None);
        return tables;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (dynalite is not null)
        {
            await dynalite.DisposeAsync();
        }
    }
}
