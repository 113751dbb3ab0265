using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Choices;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Definitions;

/// <summary>Parses a Choice state and its rules (ASL: Choice Rules).</summary>
internal static class ChoiceRuleParser
{
    private static readonly Dictionary<string, (ComparisonOperator Operator, bool IsPath)> Operators = BuildOperators();

    public static ChoiceState? ParseState(string name, FieldReader reader, QueryLanguage language)
    {
        var array = reader.Array("Choices", required: true);
        if (array is null)
        {
            return null;
        }

        if (array.Count == 0)
        {
            reader.Problem("Choices", "must have at least one rule");
        }

        var rules = new List<ChoiceRule>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject node)
            {
                reader.Problem($"Choices/{i}", "a choice rule must be an object");
                continue;
            }

            var ruleReader = reader.Child(node, $"Choices/{i}");
            var next = ruleReader.String("Next", required: true);
            if (ParseRule(ruleReader, language) is { } rule)
            {
                rules.Add(rule with
                {
                    Next = next,
                    Assign = node["Assign"]?.DeepClone(),
                    AssignTemplate = StateParser.AssignTemplate(ruleReader, language == QueryLanguage.JsonPath),
                    Output = ruleReader.Raw("Output"),
                });
            }
        }

        return new ChoiceState { Name = name, Choices = rules, Default = reader.String("Default") };
    }

    private static ChoiceRule? ParseRule(FieldReader reader, QueryLanguage language)
    {
        if (language == QueryLanguage.Jsonata)
        {
            if (!reader.Has("Condition"))
            {
                reader.Problem("Condition", "a JSONata choice rule must have a Condition");
            }

            return new ConditionRule(reader.Source["Condition"]?.DeepClone());
        }

        if (reader.Array("And") is { } and)
        {
            return new AndRule(Nested(reader, "And", and, language));
        }

        if (reader.Array("Or") is { } or)
        {
            return new OrRule(Nested(reader, "Or", or, language));
        }

        if (reader.Object("Not") is { } not)
        {
            return ParseRule(not, language) is { } inner ? new NotRule(inner) : null;
        }

        var variable = reader.Path("Variable", null);
        if (variable is null)
        {
            reader.Problem("Variable", "a comparison must have a Variable path");
            return null;
        }

        var found = reader.Source.Where(p => Operators.ContainsKey(p.Key)).ToList();
        if (found.Count != 1)
        {
            reader.Problem("Variable", "a comparison must have exactly one comparison operator");
            return null;
        }

        var (key, value) = found[0];
        var (op, isPath) = Operators[key];
        if (isPath)
        {
            var path = reader.Path(key, null);
            return path is null ? null : new ComparisonRule(variable, op, null, path);
        }

        if (!OperandFits(op, value))
        {
            reader.Problem(key, $"the operand of {key} has the wrong type");
            return null;
        }

        return new ComparisonRule(variable, op, value?.DeepClone(), null);
    }

    private static List<ChoiceRule> Nested(FieldReader reader, string field, JsonArray array, QueryLanguage language)
    {
        var rules = new List<ChoiceRule>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject node && ParseRule(reader.Child(node, $"{field}/{i}"), language) is { } rule)
            {
                rules.Add(rule);
            }
            else if (array[i] is not JsonObject)
            {
                reader.Problem($"{field}/{i}", "a choice rule must be an object");
            }
        }

        return rules;
    }

    private static bool OperandFits(ComparisonOperator op, JsonNode? value)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        if (OperandKind.Of(op) == JsonValueKind.True)
        {
            return kind is JsonValueKind.True or JsonValueKind.False;
        }

        if (op >= ComparisonOperator.TimestampEquals && op <= ComparisonOperator.TimestampGreaterThanEquals)
        {
            return kind == JsonValueKind.String && Rfc3339.TryParse(value!.GetValue<string>(), out _);
        }

        return kind == OperandKind.Of(op);
    }

    private static Dictionary<string, (ComparisonOperator, bool)> BuildOperators()
    {
        var operators = new Dictionary<string, (ComparisonOperator, bool)>(StringComparer.Ordinal);
        foreach (var op in Enum.GetValues<ComparisonOperator>())
        {
            operators[op.ToString()] = (op, false);
            if (OperandKind.HasPathVariant(op))
            {
                operators[op + "Path"] = (op, true);
            }
        }

        return operators;
    }
}
