using StepOrders.Workflow.Choices;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Definitions;

/// <summary>Checks that StartAt and every Next, Default and catcher name a state, and that every state is reachable.</summary>
internal static class TransitionValidator
{
    public static void Validate(StateMachineDefinition definition, string at, List<DefinitionProblem> problems)
    {
        if (!definition.States.ContainsKey(definition.StartAt))
        {
            problems.Add(new($"{at}/StartAt", $"MISSING_TRANSITION_TARGET: Missing 'Next' target: {definition.StartAt}"));
            return;
        }

        foreach (var state in definition.States.Values)
        {
            foreach (var (field, target) in Targets(state))
            {
                if (!definition.States.ContainsKey(target))
                {
                    problems.Add(new($"{at}/States/{state.Name}/{field}", $"MISSING_TRANSITION_TARGET: Missing 'Next' target: {target}"));
                }
            }
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { definition.StartAt };
        var pending = new Stack<string>([definition.StartAt]);
        while (pending.TryPop(out var name))
        {
            foreach (var (_, target) in Targets(definition.States[name]))
            {
                if (definition.States.ContainsKey(target) && reached.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        foreach (var name in definition.States.Keys.Where(n => !reached.Contains(n)))
        {
            problems.Add(new($"{at}/States/{name}", $"UNREACHABLE_STATE: State '{name}' is not reachable"));
        }
    }

    private static IEnumerable<(string Field, string Target)> Targets(State state)
    {
        if (state.Next is { } next)
        {
            yield return ("Next", next);
        }

        if (state is ChoiceState choice)
        {
            for (var i = 0; i < choice.Choices.Count; i++)
            {
                if (choice.Choices[i].Next is { } target)
                {
                    yield return ($"Choices/{i}/Next", target);
                }
            }

            if (choice.Default is { } fallback)
            {
                yield return ("Default", fallback);
            }
        }

        var catchers = state switch
        {
            TaskState t => t.Catch,
            ParallelState p => p.Catch,
            MapState m => m.Catch,
            _ => [],
        };
        for (var i = 0; i < catchers.Count; i++)
        {
            yield return ($"Catch/{i}/Next", catchers[i].Next);
        }
    }
}
