namespace StepOrders.Workflow.Intrinsics;

/// <summary>
/// The text is not a valid intrinsic function call. AWS rejects such definitions when they are
/// created; an interpreter that meets one at run time fails the state with States.Runtime.
/// </summary>
internal sealed class IntrinsicSyntaxException(string expression, int position, string problem)
    : IntrinsicFailureException(RuntimeError, $"Invalid intrinsic function call '{expression}': {problem} at position {position + 1}.")
{
    public string Expression { get; } = expression;

    /// <summary>Zero-based offset in <see cref="Expression"/>; the cause reports it one-based.</summary>
    public int Position { get; } = position;

    public string Problem { get; } = problem;
}
