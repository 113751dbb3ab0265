using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// The DynamoDB client the adapters are given: the SDK's, whose failures that a later call may not meet (throttling
/// past the SDK's own retries, a 5xx, an unreachable or timed-out endpoint) surface as
/// <see cref="StoreUnavailableException"/>. So a throttled table is a 503 with Retry-After at the API and
/// <c>Order.Transient</c>, which the workflow retries, in a step, rather than an unhandled exception that the
/// workflow's Catch would turn into a FAILED order. Answers about the request itself (a failed condition, a
/// validation error) pass through as the SDK throws them.
/// </summary>
public sealed class DynamoDbStoreClient : AmazonDynamoDBClient
{
    /// <summary>Region, credentials and endpoint from the environment, as the SDK documents (Lambda's way).</summary>
    public DynamoDbStoreClient()
    {
    }

    public DynamoDbStoreClient(AWSCredentials credentials, AmazonDynamoDBConfig config)
        : base(credentials, config)
    {
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        // First in the pipeline, so it sees a failure only once the SDK's retry handler has given up on it.
        pipeline.AddHandler(new StoreFailureHandler());
    }

    private sealed class StoreFailureHandler : PipelineHandler
    {
        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception e) when (DynamoDbFailures.IsTransient(e, executionContext.RequestContext.CancellationToken))
            {
                throw new StoreUnavailableException(
                    $"DynamoDB {executionContext.RequestContext.RequestName.Replace("Request", "", StringComparison.Ordinal)} failed and may succeed later: {e.Message}", e);
            }
        }
    }
}
