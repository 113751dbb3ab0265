using System.Diagnostics;
using StepOrders.Workflow;

namespace StepOrders.InterpreterBench;

/// <summary>
/// Executions of the six-Task machine on the embedded runtime, all started at once (the runtime runs up to
/// MaxConcurrentExecutions of them together), timed from the first start to the last close. Durable runs keep
/// state and history in a SQLite file in a temporary folder (group commit, synchronous=NORMAL, the defaults).
/// </summary>
internal static class RuntimeRun
{
    public static async Task<Measurement> RunAsync(bool durable, int executions, int workers)
    {
        var folder = durable ? Directory.CreateTempSubdirectory("steporders-bench-").FullName : null;
        try
        {
            var options = new WorkflowOptions
            {
                DatabasePath = folder is null ? null : Path.Combine(folder, "workflow.db"),
                MaxConcurrentExecutions = workers,
            };
            var runtime = new WorkflowRuntime(options, SixTaskMachine.Handlers());
            await using (runtime)
            {
                var machine = await runtime.CreateStateMachineAsync("SixTasks", SixTaskMachine.Definition);
                await RunBatchAsync(runtime, machine.StateMachineArn, "warmup-", Math.Min(2000, executions));
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                await RunBatchAsync(runtime, machine.StateMachineArn, "e-", executions);
                clock.Stop();
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                return new Measurement(durable ? "StepOrders runtime, durable (SQLite)" : "StepOrders runtime, in memory",
                    executions, (long)executions * SixTaskMachine.TransitionsPerExecution, clock.Elapsed, allocated, cpu);
            }
        }
        finally
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Starts the batch and awaits its closes through ExecutionClosed, so no read per execution is timed.</summary>
    private static async Task RunBatchAsync(WorkflowRuntime runtime, string machineArn, string prefix, int executions)
    {
        var remaining = executions;
        var failed = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnClosed(object? sender, ExecutionDescription execution)
        {
            if (!execution.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return;
            }

            if (execution.Status != ExecutionStatus.Succeeded)
            {
                Interlocked.Increment(ref failed);
            }

            if (Interlocked.Decrement(ref remaining) == 0)
            {
                done.TrySetResult();
            }
        }

        runtime.ExecutionClosed += OnClosed;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, executions)
                .Select(i => runtime.StartExecutionAsync(machineArn, prefix + i, SixTaskMachine.Input(i))));
            await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
        }
        finally
        {
            runtime.ExecutionClosed -= OnClosed;
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {executions} executions did not succeed.");
        }
    }
}
