using Amazon.DynamoDBv2;
using Microsoft.Extensions.Hosting;
using StepOrders.Aws.DynamoDb;

namespace StepOrders.Local.Engines;

/// <summary>
/// On a DynamoDB stand-in (<c>--dynamodb-endpoint</c>), creates the tables it misses before the host serves; on AWS
/// the stack made them.
/// </summary>
internal sealed class StandinTables(IAmazonDynamoDB dynamo, DynamoDbTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DynamoDbTableSetup.CreateAsync(dynamo, tables, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
