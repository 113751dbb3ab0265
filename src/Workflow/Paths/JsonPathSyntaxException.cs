namespace StepOrders.Workflow.Paths;

/// <summary>A path that cannot be parsed; Position is the offset of the fault in the path text.</summary>
public sealed class JsonPathSyntaxException(string path, int position, string problem)
    : FormatException($"Invalid JSONPath '{path}' at position {position}: {problem}")
{
    public string Path { get; } = path;

    public int Position { get; } = position;

    public string Problem { get; } = problem;
}
