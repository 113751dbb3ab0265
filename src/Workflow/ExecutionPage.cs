namespace StepOrders.Workflow;

/// <summary>One page of ListExecutions, newest first; pass NextToken back for the next page.</summary>
public sealed record ExecutionPage(IReadOnlyList<ExecutionDescription> Executions, string? NextToken);
