namespace StepOrders.Workflow.Paths;

/// <summary>One step of a JSONPath: a property, an index, a wildcard, a slice or a descent.</summary>
internal abstract record PathSegment
{
    public abstract bool IsDefinite { get; }
}

internal sealed record PropertySegment(string Name) : PathSegment
{
    public override bool IsDefinite => true;
}

internal sealed record IndexSegment(int Index) : PathSegment
{
    public override bool IsDefinite => true;
}

internal sealed record WildcardSegment : PathSegment
{
    public override bool IsDefinite => false;
}

internal sealed record SliceSegment(int? Start, int? End, int Step) : PathSegment
{
    public override bool IsDefinite => false;
}

/// <summary><c>..name</c> (or <c>..*</c> when Name is null): every match at any depth.</summary>
internal sealed record DescendantSegment(string? Name) : PathSegment
{
    public override bool IsDefinite => false;
}

/// <summary><c>[?(@.field OP literal)]</c> or <c>[?(@.field)]</c>: the elements for which the condition holds.</summary>
internal sealed record FilterSegment(JsonPath Field, string? Operator, System.Text.Json.Nodes.JsonNode? Literal) : PathSegment
{
    public override bool IsDefinite => false;

    public bool Accepts(System.Text.Json.Nodes.JsonNode? element)
    {
        if (!Field.TrySelect(element, out var value, out _))
        {
            return false;
        }

        if (Operator is null)
        {
            return true;
        }

        if (Operator is "==" or "!=")
        {
            return System.Text.Json.Nodes.JsonNode.DeepEquals(value, Literal) == (Operator == "==");
        }

        int? order = (value?.GetValueKind(), Literal?.GetValueKind()) switch
        {
            (System.Text.Json.JsonValueKind.Number, System.Text.Json.JsonValueKind.Number) =>
                Execution.JsonNumber.GetDecimal(value!).CompareTo(Execution.JsonNumber.GetDecimal(Literal!)),
            (System.Text.Json.JsonValueKind.String, System.Text.Json.JsonValueKind.String) =>
                string.CompareOrdinal(value!.GetValue<string>(), Literal!.GetValue<string>()),
            _ => null,
        };
        return order is { } o && Operator switch
        {
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            _ => o >= 0,
        };
    }
}
