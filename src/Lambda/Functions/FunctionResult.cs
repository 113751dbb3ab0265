using StepOrders.Lambda.Runtime;

namespace StepOrders.Lambda.Functions;

/// <summary>What an invocation comes to: the JSON to respond with, or the error to report.</summary>
internal sealed record FunctionResult(ReadOnlyMemory<byte> Response, FunctionError? Error)
{
    public static FunctionResult Respond(ReadOnlyMemory<byte> json) => new(json, null);

    public static implicit operator FunctionResult(FunctionError error) => new(ReadOnlyMemory<byte>.Empty, error);
}
