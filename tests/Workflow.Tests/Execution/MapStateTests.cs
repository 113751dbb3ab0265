using System.Text.Json.Nodes;
using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Tests.Execution;

/// <summary>ASL: Map State, inline and distributed (without ItemReader/ResultWriter).</summary>
public class MapStateTests
{
    [Fact]
    public async Task Each_item_is_processed_with_its_index_and_the_result_keeps_the_item_order()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.lines",
              "ItemSelector": {"sku.$": "$$.Map.Item.Value.sku", "at.$": "$$.Map.Item.Index", "order.$": "$.order"},
              "ItemProcessor": {"StartAt": "Line", "States": {"Line": {"Type": "Pass", "End": true}}}, "ResultPath": "$.lines", "End": true}}}
            """, """{"order": "o-1", "lines": [{"sku": "A"}, {"sku": "B"}]}""");

        Assert.Equal("""{"order":"o-1","lines":[{"sku":"A","at":0,"order":"o-1"},{"sku":"B","at":1,"order":"o-1"}]}""", run.Output);
        var history = await test.HistoryAsync(run.ExecutionArn);
        Assert.Equal(2, history.Single(e => e.Type == HistoryEventType.MapStateStarted).Length);
        Assert.Equal(
            [(HistoryEventType.MapIterationStarted, 0), (HistoryEventType.MapIterationSucceeded, 0),
             (HistoryEventType.MapIterationStarted, 1), (HistoryEventType.MapIterationSucceeded, 1)],
            history.Where(e => e.Type.ToString().StartsWith("MapIteration", StringComparison.Ordinal)).Select(e => (e.Type, e.Index!.Value)));
        Assert.All(history.Where(e => e.Index is not null), e => Assert.Equal("Each", e.Name));
    }

    [Fact]
    public async Task No_more_than_MaxConcurrency_iterations_run_at_once()
    {
        await using var test = new TestRuntime();
        var running = 0;
        var peak = 0;
        test.Handlers.Register(TestRuntime.Lambda + "Work", async (input, _, _) =>
        {
            peak = Math.Max(peak, Interlocked.Increment(ref running));
            await Task.Delay(20);
            Interlocked.Decrement(ref running);
            return input;
        });
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 2,
              "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "@0@Work", "End": true}}}, "End": true}}}
            """, TestRuntime.Lambda), "[1, 2, 3, 4, 5, 6]");

        Assert.Equal("[1,2,3,4,5,6]", run.Output);
        Assert.Equal(2, peak);
    }

    [Fact]
    public async Task A_failed_iteration_fails_the_Map_with_its_error_and_no_later_iteration_starts()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 1,
              "ItemProcessor": {"StartAt": "Check", "States": {
                "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Bad"}], "Default": "Good"},
                "Bad": {"Type": "Fail", "Error": "Order.Invalid", "Cause": "item 2"}, "Good": {"Type": "Succeed"}}}, "End": true}}}
            """, "[1, 2, 3]");

        Assert.Equal(("Order.Invalid", "item 2"), (run.Error, run.Cause));
        var history = await test.HistoryAsync(run.ExecutionArn);
        Assert.Equal([0, 1], history.Where(e => e.Type == HistoryEventType.MapIterationStarted).Select(e => e.Index!.Value));
        Assert.Equal(1, history.Single(e => e.Type == HistoryEventType.MapIterationFailed).Index);
        Assert.Contains(HistoryEventType.MapStateFailed, history.Select(e => e.Type));
    }

    [Theory]
    [InlineData("\"ToleratedFailureCount\": 1", ExecutionStatus.Succeeded)]
    [InlineData("\"ToleratedFailurePercentage\": 40", ExecutionStatus.Succeeded)]
    [InlineData("\"ToleratedFailurePercentage\": 20", ExecutionStatus.Failed)]
    public async Task Tolerated_failures_let_the_Map_succeed_until_the_threshold(string tolerance, ExecutionStatus status)
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", @0@,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Check", "States": {
                "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Bad"}], "Default": "Good"},
                "Bad": {"Type": "Fail", "Error": "Order.Invalid", "Cause": "item 2"}, "Good": {"Type": "Succeed"}}}, "End": true}}}
            """, tolerance), "[1, 2, 3]");

        Assert.Equal(status, run.Status);
        if (status == ExecutionStatus.Succeeded)
        {
            Assert.Equal("""[1,{"Error":"Order.Invalid","Cause":"item 2"},3]""", run.Output);
        }
        else
        {
            Assert.Equal("States.ExceedToleratedFailureThreshold", run.Error);
        }
    }

    [Fact]
    public async Task Distributed_iterations_stand_for_child_executions_and_add_no_events_here()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """, """["a", "b"]""");

        Assert.Equal("""["a","b"]""", run.Output);
        Assert.Equal(
            [HistoryEventType.ExecutionStarted, HistoryEventType.MapStateEntered, HistoryEventType.MapStateStarted, HistoryEventType.MapStateSucceeded,
             HistoryEventType.MapStateExited, HistoryEventType.ExecutionSucceeded],
            (await test.HistoryAsync(run.ExecutionArn)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_JSONata_Map_takes_Items_and_ItemSelector_with_the_item_in_the_context()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"QueryLanguage": "JSONata", "StartAt": "Each", "States": {"Each": {"Type": "Map", "Items": "{% $states.input.prices %}",
              "ItemSelector": {"net": "{% $states.context.Map.Item.Value * (1 - $states.input.discount) %}"},
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.net %}", "End": true}}},
              "Output": "{% $sum($states.result) %}", "End": true}}}
            """, """{"prices": [10, 20], "discount": 0.5}""");

        Assert.Equal("15", run.Output);
    }

    [Fact]
    public async Task Items_that_are_not_an_array_fail_the_Map()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.lines",
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """, """{"lines": {"sku": "A"}}""");

        Assert.Equal("States.Runtime", run.Error);
        Assert.EndsWith("Map state input must be an array but was: {\"sku\":\"A\"}", run.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Wait_inside_an_iteration_is_waited_in_memory()
    {
        await using var test = new TestRuntime(timeScale: 0);
        var run = await test.RunAsync("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map",
              "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30, "End": true}}}, "End": true}}}
            """, "[1]");

        Assert.Equal("[1]", run.Output);
    }

    [Fact]
    public async Task A_retried_task_inside_an_iteration_is_retried_there()
    {
        await using var test = new TestRuntime(timeScale: 0);
        var calls = 0;
        test.Handlers.Register(TestRuntime.Lambda + "Flaky", (input, _, _) =>
            ++calls == 1 ? throw new Tasks.TaskFailedException("Order.Transient") : ValueTask.FromResult<JsonNode?>(input));
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map",
              "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "@0@Flaky",
                "Retry": [{"ErrorEquals": ["Order.Transient"], "IntervalSeconds": 5}], "End": true}}}, "End": true}}}
            """, TestRuntime.Lambda), "[7]");

        Assert.Equal(("[7]", 2), (run.Output, calls));
    }

    [Fact]
    public async Task Stopping_the_execution_aborts_the_running_iterations()
    {
        await using var test = new TestRuntime();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        test.Handlers.Register(TestRuntime.Lambda + "Hang", async (_, _, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        });
        var machine = await test.Runtime.CreateStateMachineAsync("M", TestRuntime.Fill("""
            {"StartAt": "Each", "States": {"Each": {"Type": "Map",
              "ItemProcessor": {"StartAt": "Hang", "States": {"Hang": {"Type": "Task", "Resource": "@0@Hang", "End": true}}}, "End": true}}}
            """, TestRuntime.Lambda));
        var arn = (await test.Runtime.StartExecutionAsync(machine.StateMachineArn, "s", "[1, 2]")).ExecutionArn;
        await started.Task.WaitAsync(TestRuntime.Timeout);

        var stopped = await test.Runtime.StopExecutionAsync(arn, "Operator.Stop", "by hand", TestRuntime.Timeout);

        Assert.Equal((ExecutionStatus.Aborted, "Operator.Stop"), (stopped.Status, stopped.Error));
        var types = (await test.HistoryAsync(arn)).Select(e => e.Type).ToList();
        Assert.Equal(2, types.Count(t => t == HistoryEventType.MapIterationAborted));
        Assert.Equal([HistoryEventType.MapStateAborted, HistoryEventType.ExecutionAborted], types.TakeLast(2));
    }
}
