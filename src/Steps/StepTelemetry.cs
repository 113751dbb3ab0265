using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Steps;

/// <summary>
/// What a host wraps each run of a workflow step in: an activity (child of the execution's trace context), a log
/// scope with the order id, execution name and function, the step's duration by outcome, and one log line saying how
/// it went: Warning when it failed, Debug when it succeeded (a JSON console line costs more CPU than the rest of the
/// instrumentation of an order together; <c>Logging:LogLevel:StepOrders.Steps.StepTelemetry=Debug</c> shows them).
/// The local runtime and the Lambda host both call steps through this, so both report them alike.
/// </summary>
public sealed partial class StepTelemetry(OrderMetrics metrics, TimeProvider clock, ILogger<StepTelemetry> logger)
{
    /// <param name="parent">The execution's trace context; default to go on from the current activity (Lambda's invocation).</param>
    public async Task<StepInvocation> InvokeAsync(
        IWorkflowStep step, JsonNode? input, string? executionName, ActivityContext parent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var orderId = OrderIdOf(input);
        using var activity = OrderTracing.Source.StartActivity(step.Name, ActivityKind.Internal, parent);
        using var scope = logger.BeginScope(new OrderLogScope(orderId, executionName ?? orderId, step.Name));
        var started = clock.GetTimestamp();
        StepInvocation result;
        try
        {
            result = await step.InvokeAsync(input, cancellationToken);
        }
        catch (Exception e)
        {
            metrics.StepFinished(step.Name, succeeded: false, clock.GetElapsedTime(started));
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        var elapsed = clock.GetElapsedTime(started);
        metrics.StepFinished(step.Name, result.Error is null, elapsed);
        if (result.Error is { } error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Error);
            LogFailed(step.Name, error.Error, error.Cause, elapsed.TotalMilliseconds);
        }
        else
        {
            LogSucceeded(step.Name, elapsed.TotalMilliseconds);
        }
        return result;
    }

    private static string? OrderIdOf(JsonNode? input) =>
        input is JsonObject fields && fields["orderId"] is JsonValue value && value.TryGetValue<string>(out var orderId) ? orderId : null;

    [LoggerMessage(LogLevel.Debug, "{Step} succeeded in {ElapsedMs:0.###} ms")]
    private partial void LogSucceeded(string step, double elapsedMs);

    [LoggerMessage(LogLevel.Warning, "{Step} failed with {Error} in {ElapsedMs:0.###} ms: {Cause}")]
    private partial void LogFailed(string step, string error, string cause, double elapsedMs);
}
