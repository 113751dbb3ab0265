namespace StepOrders.Steps;

/// <summary>
/// MarkOrderFailed's (and AwaitRedrive's) input: the order and the error the workflow caught, passed whole as
/// <c>failure</c> (<c>"failure.$": "$.failure"</c>). A path to its <c>Cause</c> would fail the state when there is none,
/// as for a caught States.Timeout. <c>error</c> and <c>cause</c> given on their own (a direct invocation) are read too.
/// </summary>
public sealed record MarkOrderFailedInput(string OrderId, string? Error, string? Cause, CaughtError? Failure = null)
{
    /// <summary>The caught error: <see cref="Failure"/>, else <see cref="Error"/> and <see cref="Cause"/>.</summary>
    public CaughtError Caught() => Failure ?? new CaughtError(Error, Cause);
}

/// <summary>An error as a Catch's ResultPath holds it: <c>{"Error": …, "Cause": …}</c>, the cause absent for some <c>States.*</c> errors.</summary>
public sealed record CaughtError(string? Error, string? Cause);
