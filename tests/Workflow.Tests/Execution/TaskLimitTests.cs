using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Tests.Execution;

/// <summary>HeartbeatSeconds and the state machine's TimeoutSeconds while a handler runs.</summary>
public class TaskLimitTests
{
    private static string Machine(string limits) => TestRuntime.Fill("""
        {@1@ "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "@0@Work", @2@ "End": true}}}
        """, TestRuntime.Lambda, limits.StartsWith("\"TimeoutSeconds", StringComparison.Ordinal) ? limits + "," : "",
        limits.StartsWith("\"TimeoutSeconds", StringComparison.Ordinal) ? "" : limits + ",");

    [Fact]
    public async Task A_task_silent_for_HeartbeatSeconds_fails_with_States_HeartbeatTimeout()
    {
        await using var test = new TestRuntime();
        var started = RegisterSilentWork(test);
        var arn = await StartAsync(test, Machine("\"HeartbeatSeconds\": 10"));
        await started.WaitAsync(TestRuntime.Timeout);

        test.Clock.Advance(TimeSpan.FromSeconds(10));
        var run = await test.Runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout);

        Assert.Equal("States.HeartbeatTimeout", run.Error);
        Assert.Contains(HistoryEventType.LambdaFunctionTimedOut, (await test.HistoryAsync(arn)).Select(e => e.Type));
    }

    [Fact]
    public async Task Heartbeats_keep_a_long_task_alive()
    {
        await using var test = new TestRuntime();
        var beat = new SemaphoreSlim(0);
        var beaten = new SemaphoreSlim(0);
        test.Handlers.Register(TestRuntime.Lambda + "Work", async (_, context, cancellationToken) =>
        {
            for (var i = 0; i < 3; i++)
            {
                beaten.Release();
                await beat.WaitAsync(cancellationToken);
                context.Heartbeat();
            }

            return "done";
        });
        var arn = await StartAsync(test, Machine("\"HeartbeatSeconds\": 10"));
        for (var i = 0; i < 3; i++)
        {
            await beaten.WaitAsync(TestRuntime.Timeout);
            test.Clock.Advance(TimeSpan.FromSeconds(9));
            beat.Release();
        }

        var run = await test.Runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout);

        Assert.Equal((ExecutionStatus.Succeeded, "\"done\""), (run.Status, run.Output));
    }

    [Fact]
    public async Task The_machine_TimeoutSeconds_interrupts_a_running_task()
    {
        await using var test = new TestRuntime();
        var started = RegisterSilentWork(test);
        var arn = await StartAsync(test, Machine("\"TimeoutSeconds\": 60"));
        await started.WaitAsync(TestRuntime.Timeout);

        test.Clock.Advance(TimeSpan.FromSeconds(60));
        var run = await test.Runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout);

        Assert.Equal((ExecutionStatus.TimedOut, "States.Timeout"), (run.Status, run.Error));
    }

    /// <summary>A Work handler that never answers nor beats until it is cancelled; the task completes once it runs.</summary>
    private static Task RegisterSilentWork(TestRuntime test)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        test.Handlers.Register(TestRuntime.Lambda + "Work", async (_, _, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        });
        return started.Task;
    }

    private static async Task<string> StartAsync(TestRuntime test, string definition)
    {
        var machine = await test.Runtime.CreateStateMachineAsync("M", definition);
        return (await test.Runtime.StartExecutionAsync(machine.StateMachineArn, "run", "{}")).ExecutionArn;
    }
}
