using System.Text.Json.Nodes;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Paths;
using StepOrders.Workflow.States;

namespace StepOrders.Workflow.Api;

/// <summary>
/// TestState's answer from a run with Retry and Catch taken out. ASL: Error handling — the first retrier whose
/// ErrorEquals matches decides (RETRIABLE while it has attempts left); when none does or its attempts are spent,
/// the first matching catcher decides (CAUGHT_ERROR, its error output at its ResultPath in the raw input).
/// </summary>
internal sealed record TestStateVerdict(
    string Status, string? Output, string? Error, string? Cause, string? NextState, int? RetryIndex = null,
    double? RetryBackoffSeconds = null, int? CatchIndex = null)
{
    public static TestStateVerdict Of(TestStateMachine machine, TestStateRun run, int retriesMade)
    {
        var execution = run.Execution;
        if (execution.Status == ExecutionStatus.Succeeded)
        {
            return new("SUCCEEDED", run.Exited?.Output ?? execution.Output, null, null, machine.TargetOf(run.Next));
        }

        var error = execution.Error;
        var (retriers, catchers) = machine.State switch
        {
            TaskState t => (t.Retry, t.Catch),
            ParallelState p => (p.Retry, p.Catch),
            MapState m => (m.Retry, m.Catch),
            _ => ((IReadOnlyList<Retrier>)[], (IReadOnlyList<Catcher>)[]),
        };
        if (error is null || run.Exited is not null || ErrorNames.IsUncatchable(error))
        {
            return new("FAILED", null, error, execution.Cause, null);
        }

        for (var i = 0; i < retriers.Count; i++)
        {
            if (retriers[i].ErrorEquals.Any(pattern => ErrorNames.Matches(pattern, error)))
            {
                if (retriesMade < retriers[i].MaxAttempts)
                {
                    var delay = retriers[i].DelayBefore(retriesMade, jitter: 1.0).TotalSeconds;
                    return new("RETRIABLE", null, error, execution.Cause, null, RetryIndex: i, RetryBackoffSeconds: delay);
                }

                break;
            }
        }

        for (var i = 0; i < catchers.Count; i++)
        {
            if (catchers[i].ErrorEquals.Any(pattern => ErrorNames.Matches(pattern, error)))
            {
                return Caught(run, catchers[i], machine.TargetOf(catchers[i].Next) ?? catchers[i].Next, i, error, execution.Cause);
            }
        }

        return new("FAILED", null, error, execution.Cause, null);
    }

    private static TestStateVerdict Caught(TestStateRun run, Catcher catcher, string next, int index, string error, string? cause)
    {
        var errorOutput = new JsonObject { ["Error"] = error };
        if (cause is not null)
        {
            errorOutput["Cause"] = cause;
        }

        try
        {
            var output = ResultPathWriter.Apply(JsonText.Parse(run.Input), catcher.ResultPath, errorOutput);
            return new("CAUGHT_ERROR", JsonText.Serialize(output), error, cause, next, CatchIndex: index);
        }
        catch (StatesErrorException e)
        {
            return new("FAILED", null, e.Error, e.Cause, null);
        }
    }
}
