using System.Text.Json;
using System.Text.Json.Serialization;
using StepOrders.Lambda.Runtime;
using StepOrders.Steps;

namespace StepOrders.Lambda.Functions;

/// <summary>The reconciler behind a schedule: the scheduler's event carries nothing it needs; it answers how many orders it queued again.</summary>
internal sealed class ScheduledFunction(ReconcilePendingOrders reconciler) : ILambdaFunction
{
    public async Task<FunctionResult> InvokeAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var requeued = await reconciler.RunAsync(cancellationToken);
        return FunctionResult.Respond(JsonSerializer.SerializeToUtf8Bytes(new ReconcileResult(requeued), LambdaJson.Default.ReconcileResult));
    }
}

internal sealed record ReconcileResult([property: JsonPropertyName("requeued")] int Requeued);
