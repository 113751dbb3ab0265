using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>
/// ListExecutions: a state machine's executions, newest first, by status, in pages. The redrive filter applies
/// within each page, so a filtered page may hold fewer than maxResults while more follow. Map runs do not exist here.
/// </summary>
internal static class ListExecutions
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        if (request.String("mapRunArn") is not null)
        {
            throw new WorkflowApiException(WorkflowErrorCodes.ValidationException, "Distributed Map runs are not supported by the embedded runtime.");
        }

        var arn = ArnCheck.StateMachine(request);
        var status = request.Enum("statusFilter", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE") is { } s
            ? ExecutionStatusNames.Parse(s)
            : (ExecutionStatus?)null;
        var redriven = request.Enum("redriveFilter", "REDRIVEN", "NOT_REDRIVEN") is { } filter ? filter == "REDRIVEN" : (bool?)null;
        var page = await services.Runtime.ListExecutionsAsync(
            arn, status, request.Int("maxResults", 0, 1000) ?? 0, request.String("nextToken"), cancellationToken);
        response.WriteStartArray("executions");
        foreach (var execution in page.Executions.Where(e => redriven is null || (e.RedriveCount > 0) == redriven))
        {
            response.WriteStartObject();
            response.WriteString("executionArn", execution.ExecutionArn);
            response.WriteString("stateMachineArn", execution.StateMachineArn);
            response.WriteString("name", execution.Name);
            response.WriteString("status", execution.Status.ToAwsName());
            response.WriteTimestamp("startDate", execution.StartDate);
            response.WriteTimestamp("stopDate", execution.StopDate);
            response.WriteNumber("redriveCount", execution.RedriveCount);
            response.WriteTimestamp("redriveDate", execution.RedriveDate);
            response.WriteEndObject();
        }

        response.WriteEndArray();
        response.WriteOptional("nextToken", page.NextToken);
    }
}
