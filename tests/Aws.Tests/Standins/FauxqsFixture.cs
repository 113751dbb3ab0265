using Amazon.Runtime;
using Amazon.SQS;
using StepOrders.Aws.Sqs;

namespace StepOrders.Aws.Tests.Standins;

/// <summary>One fauxqs (in-memory SQS) per test collection; each test makes its own queues in it.</summary>
public sealed class FauxqsFixture : IAsyncLifetime
{
    private StandinProcess? fauxqs;

    public IAmazonSQS Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        fauxqs = await StandinProcess.StartFauxqsAsync();
        Client = new AmazonSQSClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonSQSConfig { ServiceURL = fauxqs.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
    }

    /// <summary>A fresh queue and dead-letter queue, named so no other test uses them.</summary>
    public Task<SqsQueues> CreateQueuesAsync(int maxReceiveCount) =>
        SqsQueueSetup.CreateAsync(Client, $"q{Guid.NewGuid():N}", maxReceiveCount, TimeSpan.FromSeconds(30), CancellationToken.None);

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (fauxqs is not null)
        {
            await fauxqs.DisposeAsync();
        }
    }
}
