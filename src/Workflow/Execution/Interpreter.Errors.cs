using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Execution;

/// <summary>ASL: Error handling — the first matching retrier retries (until its MaxAttempts), else the first matching catcher, else the execution fails.</summary>
internal sealed partial class Interpreter
{
    private StepKind HandleError(ExecutionRun run, State state, string error, string? cause, DateTimeOffset now)
    {
        var (retriers, catchers) = state switch
        {
            TaskState t => (t.Retry, t.Catch),
            ParallelState p => (p.Retry, p.Catch),
            MapState m => (m.Retry, m.Catch),
            _ => ((IReadOnlyList<Retrier>)[], (IReadOnlyList<Catcher>)[]),
        };
        if (!ErrorNames.IsUncatchable(error))
        {
            for (var i = 0; i < retriers.Count; i++)
            {
                if (!retriers[i].ErrorEquals.Any(pattern => ErrorNames.Matches(pattern, error)))
                {
                    continue;
                }

                if (run.RetryCounts[i] >= retriers[i].MaxAttempts)
                {
                    break;
                }

                var delay = Scale(retriers[i].DelayBefore(run.RetryCounts[i], jitter.Next()));
                run.RetryCounts[i]++;
                run.RetryCount++;
                run.ResetContext();
                run.Phase = RunPhase.RetryWait;
                run.Due = now + delay;
                return delay > TimeSpan.Zero ? StepKind.Park : StepKind.Continue;
            }

            foreach (var catcher in catchers)
            {
                if (catcher.ErrorEquals.Any(pattern => ErrorNames.Matches(pattern, error)))
                {
                    return Catch(run, state, catcher, error, cause, now);
                }
            }
        }

        return Close(run, ExecutionStatus.Failed, HistoryEventType.ExecutionFailed, null, error, cause, now);
    }

    /// <summary>ASL: Fallback states — the error output {Error, Cause} goes to the catcher's ResultPath in the raw input.</summary>
    private StepKind Catch(ExecutionRun run, State state, Catcher catcher, string error, string? cause, DateTimeOffset now)
    {
        var errorOutput = new JsonObject { ["Error"] = error };
        if (cause is not null)
        {
            errorOutput["Cause"] = cause;
        }

        JsonNode? output;
        try
        {
            output = ResultPathWriter.Apply(run.StateInput, catcher.ResultPath, errorOutput);
        }
        catch (StatesErrorException e)
        {
            return Close(run, ExecutionStatus.Failed, HistoryEventType.ExecutionFailed, null, e.Error, Describe(run, e), now);
        }

        run.Due = null;
        return Exit(run, state, output, now, catcher.Next);
    }

    /// <summary>Runtime errors name the state and the event that entered it, as AWS's causes do.</summary>
    private static string? Describe(ExecutionRun run, StatesErrorException e) => e.Error == ErrorNames.Runtime
        ? $"An error occurred while executing the state '{run.StateName}' (entered at the event id #{run.EnteredEventId}). {e.Cause}"
        : e.Cause;
}
