namespace StepOrders.Aws.StepFunctions;

public sealed record DescribeExecutionRequest(string ExecutionArn);

/// <summary>DescribeExecution's response: the fields the order workflow uses and the console shows.</summary>
public sealed record DescribeExecutionResponse(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate = null,
    string? Input = null,
    string? Output = null,
    string? Error = null,
    string? Cause = null,
    int? RedriveCount = null,
    DateTimeOffset? RedriveDate = null,
    string? RedriveStatus = null);
