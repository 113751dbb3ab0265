using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>
/// RedriveExecution: resumes a FAILED, TIMED_OUT or ABORTED execution at the state that did not succeed. The
/// clientToken is accepted; asking twice is refused (ExecutionNotRedrivable) while the redriven run is RUNNING.
/// </summary>
internal static class RedriveExecution
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var arn = ArnCheck.Execution(request);
        request.String("clientToken");
        response.WriteTimestamp("redriveDate", await services.Runtime.RedriveExecutionAsync(arn, cancellationToken));
    }
}
