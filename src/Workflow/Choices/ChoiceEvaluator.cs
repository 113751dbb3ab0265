using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Choices;

/// <summary>ASL: Choice Rules — evaluates a JSONPath rule against a state's effective input.</summary>
internal static class ChoiceEvaluator
{
    public static bool Matches(ChoiceRule rule, PathScope scope) => rule switch
    {
        AndRule and => and.Rules.All(r => Matches(r, scope)),
        OrRule or => or.Rules.Any(r => Matches(r, scope)),
        NotRule not => !Matches(not.Rule, scope),
        ComparisonRule c => Compare(c, scope),
        _ => throw new InvalidOperationException("A JSONata Condition is evaluated by the Choice state's action, not as a JSONPath rule."),
    };

    private static bool Compare(ComparisonRule rule, PathScope scope)
    {
        var present = scope.TrySelect(rule.Variable, out var value, out _);
        if (rule.Operator == ComparisonOperator.IsPresent)
        {
            return present == rule.Value!.GetValue<bool>();
        }

        if (!present)
        {
            throw StatesErrorException.Runtime(
                $"Invalid path '{rule.Variable.Text}': The choice state's condition path references an invalid value.");
        }

        if (OperandKind.IsTypeTest(rule.Operator))
        {
            return TypeTest(rule.Operator, value) == rule.Value!.GetValue<bool>();
        }

        var operand = rule.Value;
        if (rule.ValuePath is { } valuePath && !scope.TrySelect(valuePath, out operand, out _))
        {
            throw StatesErrorException.Runtime(
                $"Invalid path '{valuePath.Text}': The choice state's condition path references an invalid value.");
        }

        return Compare(rule.Operator, value, operand);
    }

    private static bool TypeTest(ComparisonOperator op, JsonNode? value) => op switch
    {
        ComparisonOperator.IsNull => value is null || value.GetValueKind() == JsonValueKind.Null,
        ComparisonOperator.IsNumeric => Kind(value) == JsonValueKind.Number,
        ComparisonOperator.IsString => Kind(value) == JsonValueKind.String,
        ComparisonOperator.IsBoolean => Kind(value) is JsonValueKind.True or JsonValueKind.False,
        ComparisonOperator.IsTimestamp => Kind(value) == JsonValueKind.String && TryTimestamp(value!, out _),
        _ => false,
    };

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static bool Compare(ComparisonOperator op, JsonNode? left, JsonNode? right)
    {
        switch (op)
        {
            case <= ComparisonOperator.StringMatches:
                if (Kind(left) != JsonValueKind.String || Kind(right) != JsonValueKind.String)
                {
                    return false;
                }

                var l = left!.GetValue<string>();
                var r = right!.GetValue<string>();
                return op == ComparisonOperator.StringMatches
                    ? WildcardMatch(l, r)
                    : Order(op - ComparisonOperator.StringEquals, string.CompareOrdinal(l, r));
            case <= ComparisonOperator.NumericGreaterThanEquals:
                return Kind(left) == JsonValueKind.Number && Kind(right) == JsonValueKind.Number
                    && Order(op - ComparisonOperator.NumericEquals, Number(left!).CompareTo(Number(right!)));
            case ComparisonOperator.BooleanEquals:
                return Kind(left) is JsonValueKind.True or JsonValueKind.False && Kind(left) == Kind(right);
            default:
                return Kind(left) == JsonValueKind.String && Kind(right) == JsonValueKind.String
                    && TryTimestamp(left!, out var a) && TryTimestamp(right!, out var b)
                    && Order(op - ComparisonOperator.TimestampEquals, a.CompareTo(b));
        }
    }

    /// <summary>The order of the five comparisons is the same in each family: Equals, LessThan, GreaterThan, LessThanEquals, GreaterThanEquals.</summary>
    private static bool Order(int comparison, int sign) => comparison switch
    {
        0 => sign == 0,
        1 => sign < 0,
        2 => sign > 0,
        3 => sign <= 0,
        _ => sign >= 0,
    };

    private static decimal Number(JsonNode node) => JsonNumber.GetDecimal(node);

    internal static bool TryTimestamp(JsonNode node, out DateTimeOffset value) =>
        TryTimestamp(node.GetValue<string>(), out value);

    internal static bool TryTimestamp(string text, out DateTimeOffset value) => Rfc3339.TryParse(text, out value);

    /// <summary>ASL: StringMatches — <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are literal.</summary>
    internal static bool WildcardMatch(string text, string pattern)
    {
        var tokens = new List<(char C, bool Star)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add((pattern[++i], false));
            }
            else
            {
                tokens.Add((pattern[i], pattern[i] == '*'));
            }
        }

        int t = 0, p = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < tokens.Count && tokens[p].Star)
            {
                star = p++;
                mark = t;
            }
            else if (p < tokens.Count && tokens[p].C == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < tokens.Count && tokens[p].Star)
        {
            p++;
        }

        return p == tokens.Count;
    }
}
