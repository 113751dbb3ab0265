using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;

namespace StepOrders.Workflow.Tasks;

/// <summary>
/// Calls a handler within the state's TimeoutSeconds (States.Timeout) and HeartbeatSeconds (States.HeartbeatTimeout),
/// and turns what it throws into ASL errors.
/// </summary>
internal sealed class TaskInvoker(TimeProvider time)
{
    public async ValueTask<TaskOutcome> InvokeAsync(
        TaskHandler handler, JsonNode? payload, TaskContext context, int? timeoutSeconds, int? heartbeatSeconds,
        CancellationToken cancellationToken)
    {
        if (timeoutSeconds is null && heartbeatSeconds is null)
        {
            return await CallAsync(Start(handler, payload, context, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        using var limits = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var heartbeat = heartbeatSeconds is { } beat ? new TaskHeartbeat(time, TimeSpan.FromSeconds(beat)) : null;
        var call = Start(handler, payload, context with { Heartbeats = heartbeat }, limits.Token).AsTask();
        if (call.IsCompleted)
        {
            return await CallAsync(new ValueTask<JsonNode?>(call), cancellationToken).ConfigureAwait(false);
        }

        var timeout = timeoutSeconds is { } seconds ? Task.Delay(TimeSpan.FromSeconds(seconds), time, limits.Token) : null;
        var first = await Task.WhenAny(new[] { call, timeout, heartbeat?.Expired }.OfType<Task>()).ConfigureAwait(false);
        if (first == call || cancellationToken.IsCancellationRequested)
        {
            return await CallAsync(new ValueTask<JsonNode?>(call), cancellationToken).ConfigureAwait(false);
        }

        await limits.CancelAsync().ConfigureAwait(false);
        _ = call.ContinueWith(static t => t.Exception, TaskScheduler.Default);
        return first == timeout
            ? new TaskOutcome(null, ErrorNames.Timeout, null, TimedOut: true)
            : new TaskOutcome(null, ErrorNames.HeartbeatTimeout, null, TimedOut: true);
    }

    /// <summary>The handler's call; one that returns at once costs no Task.</summary>
    private static ValueTask<JsonNode?> Start(TaskHandler handler, JsonNode? payload, TaskContext context, CancellationToken cancellationToken)
    {
        try
        {
            return handler(payload, context, cancellationToken);
        }
#pragma warning disable CA1031 // A handler that throws before its first await fails the same way as one that throws later.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ValueTask.FromException<JsonNode?>(e);
        }
    }

    private static async ValueTask<TaskOutcome> CallAsync(ValueTask<JsonNode?> call, CancellationToken cancellationToken)
    {
        try
        {
            return TaskOutcome.Success(await call.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TaskFailedException e)
        {
            return TaskOutcome.Failure(e.Error, e.Cause);
        }
#pragma warning disable CA1031 // Any exception from a handler is the task's failure, named as Lambda names it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var type = e.GetType().Name;
            var cause = new JsonObject { ["errorMessage"] = e.Message, ["errorType"] = type };
            return TaskOutcome.Failure(type, JsonText.Serialize(cause));
        }
    }
}
