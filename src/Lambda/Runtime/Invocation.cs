namespace StepOrders.Lambda.Runtime;

/// <summary>
/// One event from <c>GET /runtime/invocation/next</c>: the payload and the headers Lambda sends with it
/// (Lambda runtime API: Next invocation — response headers).
/// </summary>
internal sealed record Invocation(
    string RequestId,
    DateTimeOffset Deadline,
    string? FunctionArn,
    string? TraceId,
    ReadOnlyMemory<byte> Payload);
