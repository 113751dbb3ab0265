using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;

namespace StepOrders.Workflow.Tasks;

/// <summary>Calls a handler with the state's TimeoutSeconds and turns what it throws into ASL errors.</summary>
internal sealed class TaskInvoker(TimeProvider time)
{
    public async ValueTask<TaskOutcome> InvokeAsync(
        TaskHandler handler, JsonNode? payload, TaskContext context, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        CancellationTokenSource? timeout = null;
        try
        {
            if (timeoutSeconds is null)
            {
                return TaskOutcome.Success(await handler(payload, context, cancellationToken).ConfigureAwait(false));
            }

            timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var call = handler(payload, context, timeout.Token);
            if (call.IsCompletedSuccessfully)
            {
                return TaskOutcome.Success(call.Result);
            }

            return TaskOutcome.Success(await call.AsTask()
                .WaitAsync(TimeSpan.FromSeconds(timeoutSeconds.Value), time, cancellationToken).ConfigureAwait(false));
        }
        catch (TimeoutException) when (!cancellationToken.IsCancellationRequested)
        {
            await timeout!.CancelAsync().ConfigureAwait(false);
            return new TaskOutcome(null, ErrorNames.Timeout, null, TimedOut: true);
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
        finally
        {
            timeout?.Dispose();
        }
    }
}
