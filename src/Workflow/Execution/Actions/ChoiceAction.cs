using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Choices;
using StepOrders.Workflow.Jsonata;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution.Actions;

/// <summary>
/// ASL: Choice State — the first rule that matches names the next state, else Default, else
/// States.NoChoiceMatched. The rule taken (or, for Default, the state) gives the Assign and, in JSONata, the Output.
/// </summary>
internal sealed class ChoiceAction(Interpreter interpreter) : StateAction<ChoiceState>(interpreter)
{
    protected override ValueTask<Transition> EnterAsync(Frame frame, ChoiceState choice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return ValueTask.FromResult(choice.QueryLanguage == QueryLanguage.Jsonata
            ? RunJsonata(frame, choice, now)
            : RunJsonPath(frame, choice, now));
    }

    private Transition RunJsonPath(Frame frame, ChoiceState choice, DateTimeOffset now)
    {
        var effective = DataFlow.EffectiveInput(frame, choice);
        var scope = new PathScope(effective, frame);
        var rule = choice.Choices.FirstOrDefault(r => ChoiceEvaluator.Matches(r, scope));
        var next = Next(choice, rule);
        var assigned = Data.Assignments(frame, choice, null, rule is null ? choice.AssignTemplate : rule.AssignTemplate, effective, null);
        return Interpreter.Exit(frame, choice, DataFlow.ApplyOutputPath(frame, choice, effective), assigned, now, next);
    }

    private Transition RunJsonata(Frame frame, ChoiceState choice, DateTimeOffset now)
    {
        var bindings = DataFlow.Bindings(frame);
        var rule = choice.Choices.FirstOrDefault(r => Holds((ConditionRule)r, bindings));
        var next = Next(choice, rule);
        var assigned = Data.Assignments(frame, choice, rule is null ? choice.Assign : rule.Assign, null, null, bindings);
        var output = Data.Output(rule is null ? choice.Output : rule.Output, frame.StateInput, bindings);
        return Interpreter.Exit(frame, choice, output, assigned, now, next);
    }

    private static string Next(ChoiceState choice, ChoiceRule? rule) =>
        rule?.Next ?? choice.Default
            ?? throw new StatesErrorException(ErrorNames.NoChoiceMatched, $"No Matches! (state '{choice.Name}')");

    /// <summary>JSONata: Condition must be (or give) a boolean.</summary>
    private bool Holds(ConditionRule rule, IReadOnlyDictionary<string, JsonNode?> bindings)
    {
        var value = rule.Condition is JsonValue v && v.TryGetValue<string>(out var text) && JsonataTemplate.TryGetExpression(text, out _)
            ? Data.Evaluate("Condition", rule.Condition, bindings, "boolean")
            : rule.Condition;
        return value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw StatesErrorException.QueryEvaluation(
                $"The Condition field must be a boolean, but was: {JsonText.Serialize(value)}");
    }
}
