namespace StepOrders.Workflow.Api;

/// <summary>
/// An error of the API layer itself (bad request shape, unknown operation, refused caller), named as AWS's
/// services name them. The runtime's own errors arrive as <see cref="WorkflowApiException"/>s.
/// </summary>
public sealed class StepFunctionsFault(string errorCode, string message, int statusCode = 400) : Exception(message)
{
    public const string SerializationException = "SerializationException";
    public const string UnknownOperationException = "UnknownOperationException";
    public const string MissingAuthenticationToken = "MissingAuthenticationTokenException";
    public const string UnrecognizedClient = "UnrecognizedClientException";
    public const string AccessDenied = "AccessDeniedException";
    public const string InternalFailure = "InternalFailure";

    public string ErrorCode { get; } = errorCode;

    public int StatusCode { get; } = statusCode;

    /// <summary>AWS's wording for a required member left out.</summary>
    public static StepFunctionsFault Missing(string member) => new(
        WorkflowErrorCodes.ValidationException,
        $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static StepFunctionsFault Invalid(string member, string value, string constraint) => new(
        WorkflowErrorCodes.ValidationException,
        $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    public static StepFunctionsFault Malformed(string detail) => new(SerializationException, detail);
}
