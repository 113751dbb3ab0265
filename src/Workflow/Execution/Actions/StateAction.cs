using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution.Actions;

/// <summary>
/// What one state type does when the run loop enters it, and when it resumes it after a timer or a crash
/// (a task to invoke again, a retry, the end of a wait). Errors are thrown as <see cref="StatesErrorException"/>;
/// the loop turns them into Retry, Catch or a failed frame.
/// </summary>
internal abstract class StateAction
{
    public abstract ValueTask<Transition> EnterAsync(Frame frame, State state, DateTimeOffset now, CancellationToken cancellationToken);

    public virtual ValueTask<Transition> ResumeAsync(Frame frame, State state, DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"A {state.Type} state has nothing to resume in phase {frame.Phase}.");
}

/// <summary>A <see cref="StateAction"/> for one state record type.</summary>
internal abstract class StateAction<TState>(Interpreter interpreter) : StateAction
    where TState : State
{
    protected Interpreter Interpreter { get; } = interpreter;

    protected DataFlow Data => Interpreter.Data;

    public sealed override ValueTask<Transition> EnterAsync(Frame frame, State state, DateTimeOffset now, CancellationToken cancellationToken) =>
        EnterAsync(frame, (TState)state, now, cancellationToken);

    public sealed override ValueTask<Transition> ResumeAsync(Frame frame, State state, DateTimeOffset now, CancellationToken cancellationToken) =>
        ResumeAsync(frame, (TState)state, now, cancellationToken);

    protected abstract ValueTask<Transition> EnterAsync(Frame frame, TState state, DateTimeOffset now, CancellationToken cancellationToken);

    protected virtual ValueTask<Transition> ResumeAsync(Frame frame, TState state, DateTimeOffset now, CancellationToken cancellationToken) =>
        base.ResumeAsync(frame, state, now, cancellationToken);
}
