namespace StepOrders.Workflow.Execution;

/// <summary>
/// A named ASL error raised while a state runs (a path that selects nothing, a bad wait time, a failed task,
/// a failed branch). The interpreter turns it into a Retry, a Catch or a failed frame at the state's boundary.
/// A Fail state without Error fails with no error name, so <see cref="Error"/> may be null.
/// </summary>
internal sealed class StatesErrorException(string? error, string? cause, bool described = false) : Exception(cause ?? error)
{
    /// <summary>The cause already names the state it came from (an error out of a branch), so it is passed on as is.</summary>
    public bool Described { get; } = described;

    public string? Error { get; } = error;

    public string? Cause { get; } = cause;

    public static StatesErrorException Runtime(string cause) => new(ErrorNames.Runtime, cause);

    public static StatesErrorException QueryEvaluation(string cause) => new(ErrorNames.QueryEvaluationError, cause);
}
