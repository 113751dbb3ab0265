namespace StepOrders.Aws.StepFunctions;

/// <summary>StartExecution's request (Step Functions API reference).</summary>
public sealed record StartExecutionRequest(string StateMachineArn, string? Name = null, string? Input = null, string? TraceHeader = null);

public sealed record StartExecutionResponse(string ExecutionArn, DateTimeOffset StartDate);
