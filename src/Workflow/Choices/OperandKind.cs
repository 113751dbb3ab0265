using System.Text.Json;

namespace StepOrders.Workflow.Choices;

/// <summary>Which JSON type each operator compares, so the parser can check literal operands.</summary>
internal static class OperandKind
{
    public static JsonValueKind Of(ComparisonOperator op) => op switch
    {
        <= ComparisonOperator.StringMatches => JsonValueKind.String,
        <= ComparisonOperator.NumericGreaterThanEquals => JsonValueKind.Number,
        ComparisonOperator.BooleanEquals => JsonValueKind.True,
        <= ComparisonOperator.TimestampGreaterThanEquals => JsonValueKind.String,
        _ => JsonValueKind.True,
    };

    public static bool IsTypeTest(ComparisonOperator op) => op >= ComparisonOperator.IsNull;

    /// <summary>StringMatches and the Is* tests have no Path twin.</summary>
    public static bool HasPathVariant(ComparisonOperator op) =>
        op != ComparisonOperator.StringMatches && !IsTypeTest(op);
}
