using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution.Actions;

/// <summary>ASL: Succeed State — ends the frame (the execution, a branch or an iteration) successfully.</summary>
internal sealed class SucceedAction(Interpreter interpreter) : StateAction<SucceedState>(interpreter)
{
    protected override ValueTask<Transition> EnterAsync(Frame frame, SucceedState succeed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var output = succeed.QueryLanguage == QueryLanguage.Jsonata
            ? Data.Output(succeed.Output, frame.StateInput, DataFlow.Bindings(frame))
            : DataFlow.ApplyOutputPath(frame, succeed, DataFlow.EffectiveInput(frame, succeed));
        return ValueTask.FromResult(Interpreter.Exit(frame, succeed, output, null, now));
    }
}
