namespace StepOrders.Workflow.Api;

/// <summary>
/// An answer of the Step Functions API as a transport sends it: the HTTP status code and the JSON body
/// (<see cref="ContentType"/>). Errors are status 400 (500 for a fault of ours) with AWS's
/// <c>{"__type": "…#Code", "message": "…"}</c> body; <see cref="ErrorCode"/> is the code after the <c>#</c>.
/// </summary>
public sealed record StepFunctionsReply(int StatusCode, ReadOnlyMemory<byte> Body, string? ErrorCode = null)
{
    /// <summary>AWS JSON 1.0, the protocol of the Step Functions API.</summary>
    public const string ContentType = "application/x-amz-json-1.0";

    public bool IsError => ErrorCode is not null;
}
