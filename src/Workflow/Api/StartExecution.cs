using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>StartExecution: idempotent by name while the execution runs with the same input (the runtime's rule, AWS's).</summary>
internal static class StartExecution
{
    public static async Task WriteAsync(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken)
    {
        var started = await StartAsync(request, services, cancellationToken);
        response.WriteString("executionArn", started.ExecutionArn);
        response.WriteTimestamp("startDate", started.StartDate);
    }

    /// <summary>The members StartExecution and StartSyncExecution share; traceHeader is accepted and not used.</summary>
    public static Task<StartExecutionResult> StartAsync(ApiRequest request, ApiServices services, CancellationToken cancellationToken)
    {
        var arn = ArnCheck.StateMachine(request);
        var name = request.String("name");
        var input = request.String("input");
        request.String("traceHeader");
        return services.Runtime.StartExecutionAsync(arn, name, input, cancellationToken);
    }
}
