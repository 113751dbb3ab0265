namespace StepOrders.Workflow.Definitions;

/// <summary>One fault in a definition, at a JSON Pointer-like path: <c>/States/Pay/Retry/0/MaxAttempts</c>.</summary>
public sealed record DefinitionProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
