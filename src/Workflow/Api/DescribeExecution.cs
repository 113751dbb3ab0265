using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>DescribeExecution, with the redrive members (redriveCount, redriveDate, redriveStatus and its reason).</summary>
internal static class DescribeExecution
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var arn = ArnCheck.Execution(request);
        var included = request.Enum("includedData", "ALL_DATA", "METADATA_ONLY") != "METADATA_ONLY";
        var execution = await services.Runtime.DescribeExecutionAsync(arn, cancellationToken);
        response.WriteString("executionArn", execution.ExecutionArn);
        response.WriteString("stateMachineArn", execution.StateMachineArn);
        response.WriteString("name", execution.Name);
        response.WriteString("status", execution.Status.ToAwsName());
        response.WriteTimestamp("startDate", execution.StartDate);
        response.WriteTimestamp("stopDate", execution.StopDate);
        response.WritePayload("input", execution.Input, included);
        response.WritePayload("output", execution.Output, included);
        response.WriteOptional("error", execution.Error);
        response.WriteOptional("cause", execution.Cause);
        response.WriteNumber("redriveCount", execution.RedriveCount);
        response.WriteTimestamp("redriveDate", execution.RedriveDate);
        response.WriteString("redriveStatus", execution.RedriveStatus);
        if (execution.RedriveStatus != "REDRIVABLE")
        {
            response.WriteString("redriveStatusReason", $"Execution is {execution.Status.ToAwsName()} and cannot be redriven");
        }
    }
}
