using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Definitions;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Api;

/// <summary>
/// The one-state machine TestState runs: the state under test, each state it may go to stood in for by a Succeed
/// state (so the run stops after one transition and tells which one it took), and its Retry and Catch taken out
/// (TestState answers RETRIABLE or CAUGHT_ERROR instead of retrying or following the catcher). Given variables are
/// assigned by a Pass state in front of it.
/// </summary>
internal sealed class TestStateMachine
{
    private const string StubPrefix = "TestState.Next.";
    private const string VariablesState = "TestState.Variables";

    private readonly Dictionary<string, string> targets = new(StringComparer.Ordinal);

    private TestStateMachine(string stateName, State state, string runnable)
    {
        StateName = stateName;
        State = state;
        Runnable = runnable;
    }

    public string StateName { get; }

    /// <summary>The state as written, Retry and Catch included.</summary>
    public State State { get; }

    /// <summary>The machine to run, as ASL text.</summary>
    public string Runnable { get; }

    /// <summary>The state a stub stands for; null when <paramref name="stub"/> is not one.</summary>
    public string? TargetOf(string? stub) => stub is not null && targets.TryGetValue(stub, out var target) ? target : null;

    /// <summary>
    /// Reads <paramref name="definition"/>: one state, or with <paramref name="stateName"/> a whole machine whose state
    /// of that name is tested. A Task's resource is swapped for <paramref name="resourceOverride"/> when it is given (mocks).
    /// </summary>
    public static TestStateMachine Build(string definition, string? stateName, JsonObject? variables, string? resourceOverride)
    {
        var (state, name, language) = Find(definition, stateName);
        var stubs = new Dictionary<string, string>(StringComparer.Ordinal);
        var copy = (JsonObject)state.DeepClone();
        if (language is not null && !copy.ContainsKey("QueryLanguage"))
        {
            copy["QueryLanguage"] = language;
        }

        Retarget(copy, "Next", stubs);
        Retarget(copy, "Default", stubs);
        foreach (var list in new[] { "Choices", "Catch" })
        {
            if (copy[list] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    Retarget(item, "Next", stubs);
                }
            }
        }

        var parsed = StateMachineDefinition.Parse(Machine(name, copy, stubs, variables: null).ToJsonString());
        copy.Remove("Retry");
        copy.Remove("Catch");
        if (resourceOverride is not null && copy["Resource"] is not null)
        {
            copy["Resource"] = resourceOverride;
        }

        var runnableStubs = stubs.Where(stub => References(copy).Contains(stub.Value)).ToDictionary(StringComparer.Ordinal);
        var machine = new TestStateMachine(name, parsed.States[name], Machine(name, copy, runnableStubs, variables).ToJsonString());
        foreach (var (target, stub) in stubs)
        {
            machine.targets[stub] = target;
        }

        return machine;
    }

    private static (JsonObject State, string Name, string? Language) Find(string definition, string? stateName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(definition);
        }
        catch (JsonException e)
        {
            throw new InvalidDefinitionException([new("", $"INVALID_JSON_DESCRIPTION: {e.Message}")]);
        }

        if (root is not JsonObject rootObject)
        {
            throw new InvalidDefinitionException([new("", "the definition must be a JSON object")]);
        }

        if (stateName is null)
        {
            return (rootObject, "TestState", null);
        }

        return rootObject["States"] is JsonObject states && states[stateName] is JsonObject state
            ? (state, stateName, (string?)rootObject["QueryLanguage"])
            : throw new WorkflowApiException(WorkflowErrorCodes.ValidationException, $"State '{stateName}' is not in the definition's States.");
    }

    private static void Retarget(JsonObject owner, string field, Dictionary<string, string> stubs)
    {
        if (owner[field] is JsonValue value && value.TryGetValue<string>(out var target))
        {
            if (!stubs.TryGetValue(target, out var stub))
            {
                stub = StubPrefix + stubs.Count.ToString(CultureInfo.InvariantCulture);
                stubs[target] = stub;
            }

            owner[field] = stub;
        }
    }

    /// <summary>The states a state without its catchers may go to (a catcher's target left alone would be unreachable).</summary>
    private static HashSet<string> References(JsonObject state)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owner in new[] { state }.Concat((state["Choices"] as JsonArray)?.OfType<JsonObject>() ?? []))
        {
            foreach (var field in new[] { "Next", "Default" })
            {
                if (owner[field] is JsonValue value && value.TryGetValue<string>(out var name))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    private static JsonObject Machine(string name, JsonObject state, Dictionary<string, string> stubs, JsonObject? variables)
    {
        var states = new JsonObject();
        if (variables is not null)
        {
            states[VariablesState] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Assign"] = variables.DeepClone(),
                ["Next"] = name,
            };
        }

        states[name] = state.DeepClone();
        foreach (var stub in stubs.Values)
        {
            states[stub] = new JsonObject { ["Type"] = "Succeed" };
        }

        return new JsonObject { ["StartAt"] = variables is null ? name : VariablesState, ["States"] = states };
    }
}
