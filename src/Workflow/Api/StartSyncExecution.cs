using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>
/// StartSyncExecution: starts an execution and answers when it closes. On AWS it is for EXPRESS machines only;
/// here every machine is STANDARD, so it runs one (with its history) and waits for it. An execution stopped
/// meanwhile answers FAILED, the only other closed status the operation knows.
/// </summary>
internal static class StartSyncExecution
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var included = request.Enum("includedData", "ALL_DATA", "METADATA_ONLY") != "METADATA_ONLY";
        var started = await StartExecution.StartAsync(request, services, cancellationToken);
        var execution = await services.Runtime.WaitForCompletionAsync(started.ExecutionArn, cancellationToken);
        response.WriteString("executionArn", execution.ExecutionArn);
        response.WriteString("stateMachineArn", execution.StateMachineArn);
        response.WriteString("name", execution.Name);
        response.WriteTimestamp("startDate", execution.StartDate);
        response.WriteTimestamp("stopDate", execution.StopDate);
        response.WriteString("status", execution.Status switch
        {
            ExecutionStatus.Succeeded => "SUCCEEDED",
            ExecutionStatus.TimedOut => "TIMED_OUT",
            _ => "FAILED",
        });
        response.WriteOptional("error", execution.Error);
        response.WriteOptional("cause", execution.Cause);
        response.WritePayload("input", execution.Input, included);
        response.WritePayload("output", execution.Output, included);
    }
}
