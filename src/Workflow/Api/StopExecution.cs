using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>StopExecution: aborts a running execution with the given error and cause; a closed one keeps its stop date.</summary>
internal static class StopExecution
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var arn = ArnCheck.Execution(request);
        var execution = await services.Runtime.StopExecutionAsync(arn, request.String("error"), request.String("cause"), cancellationToken);
        response.WriteTimestamp("stopDate", execution.StopDate ?? services.Time.GetUtcNow());
    }
}
