namespace StepOrders.Workflow.Intrinsics;

/// <summary>An intrinsic function failed the way AWS fails it: the state fails with Error and Cause.</summary>
internal class IntrinsicFailureException(string error, string cause) : Exception(cause)
{
    public const string RuntimeError = "States.Runtime";

    public string Error { get; } = error;

    public string Cause { get; } = cause;
}
