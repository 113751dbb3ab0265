using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests.Storage;

public sealed class DurableResumeTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "steporders-workflow-" + Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(directory, "workflow.db");

    private static string Machine => TestRuntime.Fill("""
        {"StartAt": "First", "States": {
          "First": {"Type": "Task", "Resource": "@0@First", "ResultPath": "$.first", "Next": "Second"},
          "Second": {"Type": "Task", "Resource": "@1@Second", "ResultPath": "$.second", "End": true}}}
        """, TestRuntime.Lambda, TestRuntime.Lambda);

    [Fact]
    public async Task A_runtime_stopped_with_a_scheduled_task_resumes_it_on_reopen_and_completes_once()
    {
        var firstCalls = 0;
        var secondCalls = 0;
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string arn;
        var crashed = new TaskHandlerRegistry()
            .Register(TestRuntime.Lambda + "First", (_, _, _) => { firstCalls++; return ValueTask.FromResult<JsonNode?>(1); })
            .Register(TestRuntime.Lambda + "Second", async (_, _, ct) =>
            {
                secondStarted.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return null;
            });
        await using (var before = new TestRuntime(crashed, Database))
        {
            var machine = await before.Runtime.CreateStateMachineAsync("M", Machine);
            arn = (await before.Runtime.StartExecutionAsync(machine.StateMachineArn, "order-1", """{"id": 1}""")).ExecutionArn;
            await secondStarted.Task.WaitAsync(TestRuntime.Timeout);
            while ((await before.HistoryAsync(arn)).Count(e => e.Type == HistoryEventType.LambdaFunctionStarted) < 2)
            {
                await Task.Yield();
            }
        }

        var resumed = new TaskHandlerRegistry()
            .Register(TestRuntime.Lambda + "First", (_, _, _) => { firstCalls++; return ValueTask.FromResult<JsonNode?>(1); })
            .Register(TestRuntime.Lambda + "Second", (_, _, _) => { secondCalls++; return ValueTask.FromResult<JsonNode?>(2); });
        await using var after = new TestRuntime(resumed, Database);
        var run = await after.Runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout);

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal("""{"id":1,"first":1,"second":2}""", run.Output);
        Assert.Equal((1, 1), (firstCalls, secondCalls));
        var history = await after.HistoryAsync(arn);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Id));
        Assert.Equal(1, history.Count(e => e.Type == HistoryEventType.LambdaFunctionSucceeded && e.Output == "1"));
        Assert.Equal(
            [HistoryEventType.TaskStateEntered, HistoryEventType.LambdaFunctionScheduled, HistoryEventType.LambdaFunctionStarted,
             HistoryEventType.LambdaFunctionSucceeded, HistoryEventType.TaskStateExited, HistoryEventType.ExecutionSucceeded],
            history.Skip(6).Select(e => e.Type));
    }

    [Fact]
    public async Task Executions_and_histories_survive_a_reopen()
    {
        var handlers = new TaskHandlerRegistry()
            .Register(TestRuntime.Lambda + "First", TestRuntime.Returns("\"a\""))
            .Register(TestRuntime.Lambda + "Second", TestRuntime.Returns("\"b\""));
        string arn;
        IReadOnlyList<HistoryEvent> before;
        await using (var first = new TestRuntime(handlers, Database))
        {
            arn = (await first.RunAsync(Machine, """{"é": "ü"}""")).ExecutionArn;
            before = await first.HistoryAsync(arn);
        }

        await using var second = new TestRuntime(handlers, Database);
        var described = await second.Runtime.DescribeExecutionAsync(arn);
        Assert.Equal(("SUCCEEDED", """{"é":"ü","first":"a","second":"b"}"""), (described.Status.ToAwsName(), described.Output));
        Assert.Equal(before, await second.HistoryAsync(arn));
        Assert.Single((await second.Runtime.ListExecutionsAsync(described.StateMachineArn)).Executions);
    }

    [Fact]
    public async Task A_durable_retry_wait_resumes_after_reopen_at_its_due_time()
    {
        var calls = 0;
        var handlers = new TaskHandlerRegistry()
            .Register(TestRuntime.Lambda + "First", (_, _, _) => ++calls == 1 ? throw new TaskFailedException("E") : ValueTask.FromResult<JsonNode?>(1))
            .Register(TestRuntime.Lambda + "Second", TestRuntime.Returns("2"));
        var definition = Machine.Replace("\"ResultPath\": \"$.first\",", "\"ResultPath\": \"$.first\", \"Retry\": [{\"ErrorEquals\": [\"E\"], \"IntervalSeconds\": 30}],", StringComparison.Ordinal);
        string arn;
        await using (var first = new TestRuntime(handlers, Database, autoAdvance: false))
        {
            var machine = await first.Runtime.CreateStateMachineAsync("M", definition);
            arn = (await first.Runtime.StartExecutionAsync(machine.StateMachineArn, "r")).ExecutionArn;
            while (first.Runtime.Timers.NextDue is null)
            {
                await Task.Yield();
            }
        }

        await using var second = new TestRuntime(handlers, Database, autoAdvance: false);
        while (second.Runtime.Timers.NextDue is null)
        {
            await Task.Yield();
        }

        Assert.Equal(second.Clock.GetUtcNow().AddSeconds(30), second.Runtime.Timers.NextDue);
        second.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ExecutionStatus.Succeeded, (await second.Runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout)).Status);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Variables_assigned_before_a_restart_are_read_after_it()
    {
        const string Definition = """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"order": "o-1", "lines": [1, 2]}, "Next": "Wait"},
              "Wait": {"Type": "Wait", "Seconds": 30, "Next": "Use"},
              "Use": {"Type": "Pass", "Parameters": {"order.$": "$order", "count.$": "States.ArrayLength($lines)"}, "End": true}}}
            """;
        string arn;
        await using (var first = new TestRuntime(databasePath: Database, autoAdvance: false))
        {
            var machine = await first.Runtime.CreateStateMachineAsync("M", Definition);
            arn = (await first.Runtime.StartExecutionAsync(machine.StateMachineArn, "v")).ExecutionArn;
            while (first.Runtime.Timers.NextDue is null)
            {
                await Task.Yield();
            }
        }

        await using var second = new TestRuntime(databasePath: Database);
        var run = await second.Runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout);

        Assert.Equal("""{"order":"o-1","count":2}""", run.Output);
    }

    [Fact]
    public async Task A_Map_cut_off_by_a_restart_runs_again_from_its_start_and_records_one_clean_history()
    {
        const string Definition = """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 1,
              "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Work", "End": true}}},
              "End": true}}}
            """;
        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashed = new TaskHandlerRegistry().Register(TestRuntime.Lambda + "Work", async (input, _, ct) =>
        {
            if (input!.GetValue<int>() == 2)
            {
                blocked.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return input;
        });
        string arn;
        await using (var first = new TestRuntime(crashed, Database))
        {
            var machine = await first.Runtime.CreateStateMachineAsync("M", Definition);
            arn = (await first.Runtime.StartExecutionAsync(machine.StateMachineArn, "m", "[1, 2, 3]")).ExecutionArn;
            await blocked.Task.WaitAsync(TestRuntime.Timeout);
        }

        var calls = 0;
        var resumed = new TaskHandlerRegistry().Register(TestRuntime.Lambda + "Work", (input, _, _) =>
        {
            Interlocked.Increment(ref calls);
            return ValueTask.FromResult(input);
        });
        await using var second = new TestRuntime(resumed, Database);
        var run = await second.Runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout);

        Assert.Equal(("[1,2,3]", 3), (run.Output, calls));
        var history = await second.HistoryAsync(arn);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Id));
        Assert.Single(history, e => e.Type == HistoryEventType.MapStateEntered);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
