namespace StepOrders.Workflow;

/// <summary>StartExecution's answer. <see cref="Started"/> is false when an identical running execution was returned.</summary>
public sealed record StartExecutionResult(string ExecutionArn, DateTimeOffset StartDate, bool Started);
