namespace StepOrders.Workflow.Execution;

/// <summary>
/// A named ASL error raised while a state runs (a path that selects nothing, a bad wait time, a failed task).
/// The interpreter turns it into a Retry, a Catch or a failed execution at the state's boundary.
/// </summary>
internal sealed class StatesErrorException(string error, string? cause) : Exception(cause ?? error)
{
    public string Error { get; } = error;

    public string? Cause { get; } = cause;

    public static StatesErrorException Runtime(string cause) => new(ErrorNames.Runtime, cause);
}
