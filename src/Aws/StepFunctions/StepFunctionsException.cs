using System.Net;

namespace StepOrders.Aws.StepFunctions;

/// <summary>
/// The Step Functions API refused a request. <see cref="ErrorCode"/> is the error's name from the API reference
/// (<c>ExecutionAlreadyExists</c>, <c>ExecutionDoesNotExist</c>, <c>ExecutionNotRedrivable</c>, …).
/// </summary>
public sealed class StepFunctionsException : Exception
{
    public StepFunctionsException()
        : this("Unknown", "The Step Functions API refused the request.", HttpStatusCode.BadRequest)
    {
    }

    public StepFunctionsException(string message)
        : this("Unknown", message, HttpStatusCode.BadRequest)
    {
    }

    public StepFunctionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = "Unknown";
        StatusCode = HttpStatusCode.BadRequest;
    }

    public StepFunctionsException(string errorCode, string message, HttpStatusCode statusCode)
        : base($"{errorCode}: {message}")
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    public string ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }
}
