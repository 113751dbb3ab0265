using StepOrders.Workflow.History;

namespace StepOrders.Workflow;

/// <summary>One page of GetExecutionHistory; pass NextToken back for the next page.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEvent> Events, string? NextToken);
