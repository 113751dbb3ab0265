using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow;

/// <summary>
/// Runs one definition on one input in a fresh in-memory runtime and returns the closed execution:
/// the entry point for conformance cases and quick checks. Wait and Retry delays are skipped (time scale 0).
/// </summary>
public static class SingleExecution
{
    public static async Task<ExecutionDescription> RunAsync(
        string definition, string input, TaskHandlerRegistry? handlers = null, CancellationToken cancellationToken = default)
    {
        var runtime = new WorkflowRuntime(new WorkflowOptions { TimeScale = 0 }, handlers ?? new TaskHandlerRegistry());
        await using (runtime.ConfigureAwait(false))
        {
            var machine = await runtime.CreateStateMachineAsync("Machine", definition, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var started = await runtime.StartExecutionAsync(machine.StateMachineArn, "run", input, cancellationToken)
                .ConfigureAwait(false);
            return await runtime.WaitForCompletionAsync(started.ExecutionArn, cancellationToken).ConfigureAwait(false);
        }
    }
}
