using StepOrders.Workflow.Execution;
using StepOrders.Workflow.History;

namespace StepOrders.Workflow;

/// <summary>RedriveExecution (Step Functions: Redriving executions).</summary>
public sealed partial class WorkflowRuntime
{
    private const int MaxRedrives = 1000;
    private static readonly TimeSpan RedriveWindow = TimeSpan.FromDays(14);

    /// <summary>
    /// Restarts a FAILED, TIMED_OUT or ABORTED execution (started within 14 days, redriven fewer than 1000
    /// times) at the state that did not succeed, with the input that state received; the work before it is
    /// kept. Appends ExecutionRedriven and increments redriveCount. Returns the redrive date.
    /// </summary>
    public async Task<DateTimeOffset> RedriveExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var row = await GetRowAsync(executionArn, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var reason = row switch
        {
            { Status: not (ExecutionStatus.Failed or ExecutionStatus.TimedOut or ExecutionStatus.Aborted) } =>
                $"Execution is {row.Status.ToAwsName()}; only FAILED, TIMED_OUT and ABORTED executions can be redriven.",
            _ when now - row.StartDate > RedriveWindow => "Execution started more than 14 days ago.",
            { RedriveCount: >= MaxRedrives } => "Execution has reached the maximum number of redrives.",
            { Checkpoint: null } => "Execution has no recorded state to redrive from.",
            _ => null,
        };
        if (reason is not null)
        {
            throw new WorkflowApiException(WorkflowErrorCodes.ExecutionNotRedrivable, reason);
        }

        var machine = await GetMachineAsync(row.StateMachineArn, cancellationToken).ConfigureAwait(false);
        var redriven = row with
        {
            Status = ExecutionStatus.Running,
            Output = null,
            Error = null,
            Cause = null,
            StopDate = null,
            RedriveCount = row.RedriveCount + 1,
            RedriveDate = now,
        };
        var run = new ExecutionRun(redriven, machine.Parsed, machine.Name);
        run.Restore(Checkpoint.FromJson(row.Checkpoint!));
        run.Root.Phase = RunPhase.Enter;
        run.Root.RetryCounts = [];
        run.Root.Due = null;
        if (!active.TryAdd(executionArn, run))
        {
            throw new WorkflowApiException(WorkflowErrorCodes.ExecutionNotRedrivable, "Execution is RUNNING.");
        }

        run.Emit(new HistoryEvent
        {
            Id = 0,
            Timestamp = now,
            Type = HistoryEventType.ExecutionRedriven,
            RedriveCount = redriven.RedriveCount,
        }, now);
        await store.Append(run.TakeUpdate(redriven)).ConfigureAwait(false);
        scheduler!.Wake(run);
        return now;
    }
}
