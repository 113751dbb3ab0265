using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;

namespace StepOrders.Workflow.Choices;

/// <summary>ASL: Choice Rules. A top-level rule carries Next; nested rules (under And/Or/Not) do not.</summary>
public abstract record ChoiceRule
{
    public string? Next { get; init; }

    public string? Comment { get; init; }

    /// <summary>Variables set when this (top-level) rule is taken.</summary>
    public JsonNode? Assign { get; init; }

    public PayloadTemplate? AssignTemplate { get; init; }

    /// <summary>JSONata: the state's output when this rule is taken.</summary>
    public PayloadTemplate? Output { get; init; }
}

/// <summary>A comparison of the value at Variable with a literal (Value) or with the value at another path (ValuePath).</summary>
public sealed record ComparisonRule(JsonPath Variable, ComparisonOperator Operator, JsonNode? Value, JsonPath? ValuePath)
    : ChoiceRule;

public sealed record AndRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;

public sealed record OrRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule;

public sealed record NotRule(ChoiceRule Rule) : ChoiceRule;

/// <summary>JSONata: Condition — a boolean, or a "{% %}" expression that must give one.</summary>
public sealed record ConditionRule(JsonNode? Condition) : ChoiceRule;
