using System.Text.Json.Nodes;
using StepOrders.Workflow.History;

namespace StepOrders.Workflow.Tests.Execution;

public class StateTypeTests
{
    [Fact]
    public async Task A_Pass_and_Choice_machine_records_entered_and_exited_events_with_contiguous_ids()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Result": {"n": 5}, "ResultPath": "$.v", "Next": "Pick"},
              "Pick": {"Type": "Choice", "Choices": [{"Variable": "$.v.n", "NumericGreaterThan": 3, "Next": "Big"}], "Default": "Small"},
              "Big": {"Type": "Succeed"}, "Small": {"Type": "Fail", "Error": "Small"}}}
            """);
        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        var history = await test.HistoryAsync(run.ExecutionArn);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Id));
        Assert.Equal(history.Select(e => e.Id - 1), history.Select(e => e.PreviousEventId));
        Assert.Equal(
            [HistoryEventType.ExecutionStarted, HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited,
             HistoryEventType.ChoiceStateEntered, HistoryEventType.ChoiceStateExited, HistoryEventType.SucceedStateEntered,
             HistoryEventType.SucceedStateExited, HistoryEventType.ExecutionSucceeded],
            history.Select(e => e.Type));
        Assert.Equal("{\"v\":{\"n\":5}}", run.Output);
    }

    [Theory]
    [InlineData("""{"Variable": "$.s", "StringMatches": "log-*.txt"}""", true)]
    [InlineData("""{"Variable": "$.s", "StringEquals": "x"}""", false)]
    [InlineData("""{"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 1}, {"Not": {"Variable": "$.b", "BooleanEquals": false}}]}""", true)]
    [InlineData("""{"Or": [{"Variable": "$.missing", "IsPresent": true}, {"Variable": "$.z", "IsNull": true}]}""", true)]
    [InlineData("""{"Variable": "$.t", "TimestampLessThan": "2030-01-01T00:00:00Z"}""", true)]
    [InlineData("""{"Variable": "$.n", "NumericEqualsPath": "$.m"}""", true)]
    [InlineData("""{"Variable": "$.z", "IsBoolean": false}""", true)]
    public async Task Choice_rules_compare_like_AWS(string rule, bool matches)
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [@0@, "Next": "Yes"}], "Default": "No"},
              "Yes": {"Type": "Pass", "Result": "yes", "End": true}, "No": {"Type": "Pass", "Result": "no", "End": true}}}
            """, rule.TrimEnd('}')), """{"s": "log-2024.txt", "n": 1, "m": 1.0, "b": true, "z": null, "t": "2025-06-01T12:00:00Z"}""");
        Assert.Equal(matches ? "\"yes\"" : "\"no\"", run.Output);
    }

    [Fact]
    public async Task A_Choice_with_no_match_and_no_default_fails_with_NoChoiceMatched()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "E"}]}, "E": {"Type": "Succeed"}}}
            """);
        Assert.Equal("States.NoChoiceMatched", run.Error);
    }

    [Fact]
    public async Task A_Wait_of_Seconds_parks_on_a_durable_timer_until_the_clock_reaches_it()
    {
        await using var test = new TestRuntime(autoAdvance: false);
        var machine = await test.Runtime.CreateStateMachineAsync("W", """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}""");
        var started = await test.Runtime.StartExecutionAsync(machine.StateMachineArn, "w", "{}");
        while (test.Runtime.Timers.NextDue is null)
        {
            await Task.Yield();
        }

        Assert.Equal(test.Clock.GetUtcNow().AddSeconds(60), test.Runtime.Timers.NextDue);
        Assert.Equal(ExecutionStatus.Running, (await test.Runtime.DescribeExecutionAsync(started.ExecutionArn)).Status);
        test.Clock.Advance(TimeSpan.FromSeconds(60));
        var run = await test.Runtime.WaitForCompletionAsync(started.ExecutionArn, TestRuntime.Timeout);
        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
    }

    [Fact]
    public async Task The_time_scale_shrinks_Wait_delays()
    {
        await using var test = new TestRuntime(autoAdvance: false, timeScale: 0.01);
        var machine = await test.Runtime.CreateStateMachineAsync("W", """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 100, "End": true}}}""");
        await test.Runtime.StartExecutionAsync(machine.StateMachineArn, "w", "{}");
        while (test.Runtime.Timers.NextDue is null)
        {
            await Task.Yield();
        }

        Assert.Equal(test.Clock.GetUtcNow().AddSeconds(1), test.Runtime.Timers.NextDue);
    }

    [Theory]
    [InlineData("-1", "The SecondsPath parameter references a negative value: $.w == -1")]
    [InlineData("1.5", "The SecondsPath parameter cannot be parsed as a long value: $.w == 1.5")]
    public async Task A_bad_SecondsPath_fails_with_States_Runtime(string seconds, string cause)
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""{"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.w", "End": true}}}""", TestRuntime.Fill("""{"w": @0@}""", seconds));
        Assert.Equal("States.Runtime", run.Error);
        Assert.EndsWith(cause, run.Cause);
    }

    [Fact]
    public async Task A_Fail_state_reads_its_error_and_cause_by_path()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""{"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.e", "CausePath": "$.c"}}}""", """{"e": "Order.Invalid", "c": "no lines"}""");
        Assert.Equal((ExecutionStatus.Failed, "Order.Invalid", "no lines"), (run.Status, run.Error, run.Cause));
        var last = (await test.HistoryAsync(run.ExecutionArn))[^1];
        Assert.Equal((HistoryEventType.ExecutionFailed, "Order.Invalid"), (last.Type, last.Error));
    }

    [Fact]
    public async Task Lambda_invoke_wraps_the_result_in_the_invoke_response_and_records_Task_events()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "Add", (input, _, _) => ValueTask.FromResult<JsonNode?>(input!["a"]!.GetValue<int>() + 1));
        var run = await test.RunAsync("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "Add", "Payload": {"a.$": "$.x"}}, "ResultSelector": {"sum.$": "$.Payload", "code.$": "$.StatusCode"}, "End": true}}}
            """, """{"x": 41}""");
        Assert.Equal("""{"sum":42,"code":200}""", run.Output);
        var history = await test.HistoryAsync(run.ExecutionArn);
        var scheduled = history.Single(e => e.Type == HistoryEventType.TaskScheduled);
        Assert.Equal(("lambda", "invoke", "us-east-1"), (scheduled.ResourceType, scheduled.Resource, scheduled.Region));
        Assert.Equal("""{"FunctionName":"Add","Payload":{"a":41}}""", scheduled.Parameters);
        var succeeded = JsonNode.Parse(history.Single(e => e.Type == HistoryEventType.TaskSucceeded).Output!)!;
        Assert.Equal(("$LATEST", 42), (succeeded["ExecutedVersion"]!.GetValue<string>(), succeeded["Payload"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_execution_past_the_machine_TimeoutSeconds_times_out()
    {
        await using var test = new TestRuntime();
        var run = await test.RunAsync("""{"TimeoutSeconds": 10, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 100, "End": true}}}""");
        Assert.Equal((ExecutionStatus.TimedOut, "States.Timeout"), (run.Status, run.Error));
        Assert.Equal(HistoryEventType.ExecutionTimedOut, (await test.HistoryAsync(run.ExecutionArn))[^1].Type);
        Assert.Equal(TimeSpan.FromSeconds(10), run.StopDate - run.StartDate);
    }
}
