using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace StepOrders.Aws.DynamoDb;

/// <summary>Which DynamoDB failures say "not now" rather than "not this request".</summary>
internal static class DynamoDbFailures
{
    /// <summary>
    /// DynamoDB's throttling error codes (Developer Guide: Error handling, "400 error codes" that are retryable):
    /// the SDK retries them with backoff, and one that is still thrown has outlasted those retries.
    /// </summary>
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "ThrottlingException",
    };

    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        AmazonServiceException service => (int)service.StatusCode >= 500
            || service.ErrorCode is { } code && ThrottlingCodes.Contains(code)
            || service.StatusCode == 0 && service.InnerException is { } inner && IsTransient(inner, callerToken),
        // The caller's own cancellation is not the store's failure; an HTTP timeout is.
        OperationCanceledException => !callerToken.IsCancellationRequested,
        HttpRequestException or SocketException or IOException or WebException => true,
        _ => false,
    };
}
