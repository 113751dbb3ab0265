namespace StepOrders.Workflow.Definitions;

/// <summary>AWS's InvalidDefinition: the definition is not valid ASL. Each problem names the JSON path of its fault.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : WorkflowApiException(WorkflowErrorCodes.InvalidDefinition, FormatMessage(problems))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;

    private static string FormatMessage(IReadOnlyList<DefinitionProblem> problems) =>
        "Invalid State Machine Definition: '" +
        string.Join(", ", problems.Select(p => $"SCHEMA_VALIDATION_FAILED: {p.Message} at {p.Path}")) + "'";
}
