namespace StepOrders.Aws.StepFunctions;

public sealed record RedriveExecutionRequest(string ExecutionArn, string? ClientToken = null);

public sealed record RedriveExecutionResponse(DateTimeOffset RedriveDate);
