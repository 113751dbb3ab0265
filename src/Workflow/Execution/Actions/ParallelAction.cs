using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution.Actions;

/// <summary>
/// ASL: Parallel State — runs every branch on the same input, each in a variable scope of its own; the
/// result is the array of the branches' outputs, in branch order. A branch that fails aborts the others
/// and the state fails with its error (then Retry re-runs every branch, or Catch applies).
/// </summary>
internal sealed class ParallelAction(Interpreter interpreter) : StateAction<ParallelState>(interpreter)
{
    protected override async ValueTask<Transition> EnterAsync(Frame frame, ParallelState parallel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var input = parallel.QueryLanguage == QueryLanguage.Jsonata
            ? parallel.Arguments is { } arguments ? Data.Evaluate("Arguments", arguments.Source, DataFlow.Bindings(frame)) : frame.StateInput
            : parallel.Parameters is { } parameters
                ? parameters.Build(new PathScope(DataFlow.EffectiveInput(frame, parallel), frame))
                : DataFlow.EffectiveInput(frame, parallel);
        Interpreter.Emit(frame, new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.ParallelStateStarted });
        frame.Phase = RunPhase.Branches;
        var branches = parallel.Branches
            .Select(definition => new Frame(frame.Run, definition, new VariableScope(frame.Variables), frame.Detached)
            {
                StateInput = input?.DeepClone(),
            })
            .ToList();
        var group = new FrameGroup(Interpreter, branches);
        try
        {
            await group.RunAsync(0, _ => false, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Interpreter.Emit(frame, new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.ParallelStateAborted });
            throw;
        }

        if (group.Failure is { } failure)
        {
            Interpreter.Emit(frame, new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.ParallelStateFailed });
            throw new StatesErrorException(failure.Error, failure.Cause, described: true);
        }

        Interpreter.Emit(frame, new HistoryEvent { Id = 0, Timestamp = now, Type = HistoryEventType.ParallelStateSucceeded });
        return Finish(frame, parallel, new JsonArray(group.Results), Interpreter.Time.GetUtcNow());
    }

    /// <summary>A retry (or a resume after a crash) runs every branch again.</summary>
    protected override ValueTask<Transition> ResumeAsync(Frame frame, ParallelState parallel, DateTimeOffset now, CancellationToken cancellationToken) =>
        EnterAsync(frame, parallel, now, cancellationToken);

    private Transition Finish(Frame frame, ParallelState parallel, JsonNode result, DateTimeOffset now)
    {
        if (parallel.QueryLanguage == QueryLanguage.Jsonata)
        {
            var bindings = DataFlow.Bindings(frame, "result", result);
            var assigned = Data.Assignments(frame, parallel, parallel.Assign, null, null, bindings);
            return Interpreter.Exit(frame, parallel, Data.Output(parallel.Output, result, bindings), assigned, now);
        }

        var selected = parallel.ResultSelector is { } selector ? selector.Build(new PathScope(result, frame)) : result;
        var assignments = Data.Assignments(frame, parallel, null, parallel.AssignTemplate, selected, null);
        var output = ResultPathWriter.Apply(frame.StateInput, parallel.ResultPath, selected);
        return Interpreter.Exit(frame, parallel, DataFlow.ApplyOutputPath(frame, parallel, output), assignments, now);
    }
}
