using System.Text.Json.Nodes;
using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Tests.Execution;

/// <summary>ASL: Parallel State.</summary>
public class ParallelStateTests
{
    [Fact]
    public async Task Branches_run_on_the_same_input_and_the_result_is_their_outputs_in_order()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "Parameters": {"n.$": "$.n"}, "ResultSelector": {"both.$": "$"}, "ResultPath": "$.out",
              "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"a.$": "$.n"}, "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": "b", "End": true}}}], "End": true}}}
            """, """{"n": 7}""");

        Assert.Equal("""{"n":7,"out":{"both":[{"a":7},"b"]}}""", run.Output);
        Assert.Equal(
            [HistoryEventType.ExecutionStarted, HistoryEventType.ParallelStateEntered, HistoryEventType.ParallelStateStarted,
             HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited, HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited,
             HistoryEventType.ParallelStateSucceeded, HistoryEventType.ParallelStateExited, HistoryEventType.ExecutionSucceeded],
            (await test.HistoryAsync(run.ExecutionArn)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_failed_branch_aborts_the_others_and_fails_the_state_with_its_error()
    {
        await using var test = new TestRuntime();
        var slowCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        test.Handlers.Register(TestRuntime.Lambda + "Slow", async (_, _, cancellationToken) =>
        {
            await using var registration = cancellationToken.Register(() => slowCancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        });
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "Branches": [
                {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "@0@Slow", "End": true}}},
                {"StartAt": "Fail", "States": {"Fail": {"Type": "Fail", "Error": "Order.OutOfStock", "Cause": "SKU-OUT"}}}], "End": true}}}
            """, TestRuntime.Lambda));

        Assert.Equal((ExecutionStatus.Failed, "Order.OutOfStock", "SKU-OUT"), (run.Status, run.Error, run.Cause));
        await slowCancelled.Task.WaitAsync(TestRuntime.Timeout);
        Assert.Contains(HistoryEventType.ParallelStateFailed, (await test.HistoryAsync(run.ExecutionArn)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_retry_runs_every_branch_again_and_a_catcher_gets_the_branch_error()
    {
        await using var test = new TestRuntime();
        var calls = 0;
        test.Handlers.Register(TestRuntime.Lambda + "Count", (_, _, _) => ValueTask.FromResult<JsonNode?>(++calls));
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "Fan", "States": {
              "Fan": {"Type": "Parallel", "Branches": [
                  {"StartAt": "Count", "States": {"Count": {"Type": "Task", "Resource": "@0@Count", "End": true}}},
                  {"StartAt": "Fail", "States": {"Fail": {"Type": "Fail", "Error": "Order.Transient"}}}],
                "Retry": [{"ErrorEquals": ["Order.Transient"], "IntervalSeconds": 1, "MaxAttempts": 2}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Caught"}], "End": true},
              "Caught": {"Type": "Pass", "End": true}}}
            """, TestRuntime.Lambda), """{"order": "o-1"}""");

        Assert.Equal(3, calls);
        Assert.Equal("""{"order":"o-1","error":{"Error":"Order.Transient"}}""", run.Output);
    }

    [Fact]
    public async Task A_JSONata_Parallel_takes_Arguments_and_its_Output_reads_the_branch_results()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"QueryLanguage": "JSONata", "StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "Arguments": {"x": "{% $states.input.x * 2 %}"},
              "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.x + 1 %}", "End": true}}},
                           {"StartAt": "B", "States": {"B": {"Type": "Pass", "Output": "{% $states.input.x + 2 %}", "End": true}}}],
              "Output": "{% $sum($states.result) %}", "End": true}}}
            """, """{"x": 10}""");

        Assert.Equal("43", run.Output);
    }
}
