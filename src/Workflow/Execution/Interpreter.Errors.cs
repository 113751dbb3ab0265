using System.Text.Json.Nodes;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution;

/// <summary>ASL: Error handling — the first matching retrier retries (until its MaxAttempts), else the first matching catcher, else the frame fails.</summary>
internal sealed partial class Interpreter
{
    private Transition HandleError(Frame frame, State state, string? error, string? cause, DateTimeOffset now)
    {
        if (state is not IErrorHandling handling || ErrorNames.IsUncatchable(error))
        {
            return Transition.Failed(error, cause);
        }

        var retriers = handling.Retry;
        for (var i = 0; i < retriers.Count; i++)
        {
            if (!retriers[i].ErrorEquals.Any(pattern => ErrorNames.Matches(pattern, error)))
            {
                continue;
            }

            if (frame.RetryCounts[i] >= retriers[i].MaxAttempts)
            {
                break;
            }

            var delay = Scale(retriers[i].DelayBefore(frame.RetryCounts[i], jitter.Next()));
            frame.RetryCounts[i]++;
            frame.RetryCount++;
            frame.ResetContext();
            frame.Phase = RunPhase.RetryWait;
            frame.Due = now + delay;
            return delay > TimeSpan.Zero ? Transition.Park : Transition.Continue;
        }

        foreach (var catcher in handling.Catch)
        {
            if (catcher.ErrorEquals.Any(pattern => ErrorNames.Matches(pattern, error)))
            {
                try
                {
                    return Catch(frame, state, catcher, error, cause, now);
                }
                catch (StatesErrorException e)
                {
                    return Transition.Failed(e.Error, Describe(frame, e));
                }
            }
        }

        return Transition.Failed(error, cause);
    }

    /// <summary>
    /// ASL: Fallback states. JSONPath: the error output {Error, Cause} goes to the catcher's ResultPath in the
    /// raw input. JSONata: the catcher's Output (default: the error output) with <c>$states.errorOutput</c>.
    /// </summary>
    private Transition Catch(Frame frame, State state, Catcher catcher, string? error, string? cause, DateTimeOffset now)
    {
        var errorOutput = new JsonObject();
        if (error is not null)
        {
            errorOutput["Error"] = error;
        }

        if (cause is not null)
        {
            errorOutput["Cause"] = cause;
        }

        JsonNode? output;
        JsonObject? assigned;
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            var bindings = DataFlow.Bindings(frame, "errorOutput", errorOutput);
            assigned = Data.Assignments(frame, state, catcher.Assign, null, null, bindings);
            output = Data.Output(catcher.Output, errorOutput, bindings);
        }
        else
        {
            assigned = Data.Assignments(frame, state, null, catcher.AssignTemplate, errorOutput, null);
            output = ResultPathWriter.Apply(frame.StateInput, catcher.ResultPath, errorOutput);
        }

        frame.Due = null;
        return Exit(frame, state, output, assigned, now, catcher.Next);
    }

    /// <summary>Runtime and query errors name the state and the event that entered it, as AWS's causes do.</summary>
    private static string? Describe(Frame frame, StatesErrorException e) => !e.Described && e.Error is ErrorNames.Runtime or ErrorNames.QueryEvaluationError
        ? $"An error occurred while executing the state '{frame.StateName}' (entered at the event id #{frame.EnteredEventId}). {e.Cause}"
        : e.Cause;
}
