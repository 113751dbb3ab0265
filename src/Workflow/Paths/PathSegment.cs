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
