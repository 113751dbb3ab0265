using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution.Actions;

/// <summary>ASL: Pass State — passes its input (or Result, or Parameters) to its output.</summary>
internal sealed class PassAction(Interpreter interpreter) : StateAction<PassState>(interpreter)
{
    protected override ValueTask<Transition> EnterAsync(Frame frame, PassState pass, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (pass.QueryLanguage == QueryLanguage.Jsonata)
        {
            var result = pass.HasResult ? pass.Result?.DeepClone() : frame.StateInput;
            var bindings = DataFlow.Bindings(frame);
            var assigned = Data.Assignments(frame, pass, pass.Assign, null, null, bindings);
            var output = Data.Output(pass.Output, result, bindings);
            return ValueTask.FromResult(Interpreter.Exit(frame, pass, output, assigned, now));
        }

        var effective = DataFlow.EffectiveInput(frame, pass);
        var selected = pass.HasResult
            ? pass.Result?.DeepClone()
            : pass.Parameters is { } parameters ? parameters.Build(new PathScope(effective, frame)) : effective;
        var assignments = Data.Assignments(frame, pass, null, pass.AssignTemplate, selected, null);
        var placed = ResultPathWriter.Apply(frame.StateInput, pass.ResultPath, selected);
        return ValueTask.FromResult(Interpreter.Exit(frame, pass, DataFlow.ApplyOutputPath(frame, pass, placed), assignments, now));
    }
}
