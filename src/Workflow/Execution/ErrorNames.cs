namespace StepOrders.Workflow.Execution;

/// <summary>The predefined error names of ASL (Appendix A) that the runtime raises or matches.</summary>
public static class ErrorNames
{
    public const string All = "States.ALL";
    public const string TaskFailed = "States.TaskFailed";
    public const string Timeout = "States.Timeout";
    public const string Runtime = "States.Runtime";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string BranchFailed = "States.BranchFailed";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string QueryEvaluationError = "States.QueryEvaluationError";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string ItemReaderFailed = "States.ItemReaderFailed";

    /// <summary>
    /// Whether a retrier or catcher listing <paramref name="pattern"/> handles <paramref name="error"/>.
    /// "States.ALL and States.TaskFailed can't catch States.Runtime or States.DataLimitExceeded"
    /// (Error handling in Step Functions); States.TaskFailed also leaves out States.Timeout.
    /// </summary>
    public static bool Matches(string pattern, string? error)
    {
        if (pattern == error)
        {
            return true;
        }

        var terminal = error is Runtime or DataLimitExceeded;
        return pattern switch
        {
            All => !terminal,
            TaskFailed => !terminal && error != Timeout,
            _ => false,
        };
    }

    /// <summary>States.Runtime is never retried nor caught, even when named (recorded AWS behaviour).</summary>
    public static bool IsUncatchable(string? error) => error == Runtime;
}
