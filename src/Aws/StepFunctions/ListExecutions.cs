namespace StepOrders.Aws.StepFunctions;

public sealed record ListExecutionsRequest(
    string StateMachineArn,
    string? StatusFilter = null,
    int? MaxResults = null,
    string? NextToken = null,
    string? RedriveFilter = null);

public sealed record ListExecutionsResponse(IReadOnlyList<ExecutionListItem> Executions, string? NextToken = null);

public sealed record ExecutionListItem(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate = null,
    int? RedriveCount = null,
    DateTimeOffset? RedriveDate = null);
