using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.States;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests.Execution;

/// <summary>Retry and Catch, after "Error handling in Step Functions".</summary>
public class ErrorHandlingTests
{
    private static TaskHandler FailsThenReturns(int failures, string error, List<int>? attempts = null)
    {
        var calls = 0;
        return (_, context, _) =>
        {
            attempts?.Add(context.RetryCount);
            return ++calls <= failures ? throw new TaskFailedException(error, "boom") : ValueTask.FromResult<JsonNode?>("ok");
        };
    }

    private static string Machine(string retry, string catcher = "") => TestRuntime.Fill("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "@0@f", @1@ @2@ "End": true}@3@}}
        """, TestRuntime.Lambda, retry, catcher, catcher.Length == 0 ? "" : ", \"Recover\": {\"Type\": \"Pass\", \"End\": true}");

    [Fact]
    public void Retry_with_backoff_waits_interval_times_rate_to_the_power_of_attempt()
    {
        var retrier = new Retrier { ErrorEquals = ["E"], IntervalSeconds = 3, BackoffRate = 2 };
        Assert.Equal([3, 6, 12], Enumerable.Range(0, 3).Select(i => retrier.DelayBefore(i, 0).TotalSeconds));
    }

    [Fact]
    public void MaxDelaySeconds_caps_the_backoff_and_full_jitter_scales_it()
    {
        var retrier = new Retrier { ErrorEquals = ["E"], IntervalSeconds = 1, BackoffRate = 2, MaxDelaySeconds = 8, JitterStrategy = JitterStrategy.Full };
        Assert.Equal(8, retrier.DelayBefore(10, 0.999999999).TotalSeconds, 3);
        Assert.Equal(2, retrier.DelayBefore(2, 0.5).TotalSeconds);
    }

    [Fact]
    public async Task A_retried_task_runs_again_after_each_durable_wait_and_succeeds()
    {
        await using var test = new TestRuntime();
        var attempts = new List<int>();
        test.Handlers.Register(TestRuntime.Lambda + "f", FailsThenReturns(2, "Order.Transient", attempts));
        var run = await test.RunAsync(Machine("""
            "Retry": [{"ErrorEquals": ["Order.Transient"], "IntervalSeconds": 3, "BackoffRate": 2, "MaxAttempts": 2}],
            """));
        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal([0, 1, 2], attempts);
        var scheduled = (await test.HistoryAsync(run.ExecutionArn)).Where(e => e.Type == HistoryEventType.LambdaFunctionScheduled).ToList();
        Assert.Equal([3.0, 6.0], scheduled.Zip(scheduled.Skip(1), (a, b) => (b.Timestamp - a.Timestamp).TotalSeconds));
    }

    [Fact]
    public async Task MaxAttempts_zero_never_retries()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "f", FailsThenReturns(1, "E"));
        var run = await test.RunAsync(Machine("""
            "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 0}, {"ErrorEquals": ["States.ALL"]}],
            """));
        Assert.Equal(ExecutionStatus.Failed, run.Status);
        Assert.Equal("E", run.Error);
        Assert.Equal("boom", run.Cause);
    }

    [Fact]
    public async Task When_retries_are_exhausted_the_catcher_puts_the_error_at_its_ResultPath()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "f", FailsThenReturns(5, "Order.Transient"));
        var run = await test.RunAsync(Machine(
            """ "Retry": [{"ErrorEquals": ["Order.Transient"], "MaxAttempts": 1}], """,
            """ "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error-info", "Next": "Recover"}], """), """{"a": 1}""");
        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a": 1, "error-info": {"Error": "Order.Transient", "Cause": "boom"}}"""), JsonNode.Parse(run.Output!)));
        var types = (await test.HistoryAsync(run.ExecutionArn)).Select(e => e.Type).ToList();
        Assert.Equal(
            [HistoryEventType.ExecutionStarted, HistoryEventType.TaskStateEntered,
             HistoryEventType.LambdaFunctionScheduled, HistoryEventType.LambdaFunctionStarted, HistoryEventType.LambdaFunctionFailed,
             HistoryEventType.LambdaFunctionScheduled, HistoryEventType.LambdaFunctionStarted, HistoryEventType.LambdaFunctionFailed,
             HistoryEventType.TaskStateExited, HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited,
             HistoryEventType.ExecutionSucceeded], types);
    }

    [Theory]
    [InlineData("States.TaskFailed", "Order.OutOfStock", true)]
    [InlineData("States.TaskFailed", "States.Timeout", false)]
    [InlineData("States.ALL", "States.Timeout", true)]
    [InlineData("States.ALL", "States.Runtime", false)]
    [InlineData("States.ALL", "States.DataLimitExceeded", false)]
    [InlineData("Order.OutOfStock", "Order.OutOfStock", true)]
    public void Error_names_match_as_the_predefined_wildcards_say(string pattern, string error, bool matches) =>
        Assert.Equal(matches, Workflow.Execution.ErrorNames.Matches(pattern, error));

    [Fact]
    public async Task A_task_over_its_TimeoutSeconds_fails_with_States_Timeout()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "f", async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        });
        var runTask = test.RunAsync(Machine("\"TimeoutSeconds\": 10,"));
        while (!runTask.IsCompleted)
        {
            test.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        var run = await runTask;
        Assert.Equal("States.Timeout", run.Error);
        Assert.Contains(await test.HistoryAsync(run.ExecutionArn), e => e.Type == HistoryEventType.LambdaFunctionTimedOut);
    }

    [Fact]
    public async Task An_exception_fails_the_task_with_its_type_name_and_a_Lambda_style_cause()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "f", (_, _, _) => throw new InvalidOperationException("no"));
        var run = await test.RunAsync(Machine(""));
        Assert.Equal("InvalidOperationException", run.Error);
        Assert.Equal("""{"errorMessage":"no","errorType":"InvalidOperationException"}""", run.Cause);
    }

    [Fact]
    public async Task States_Runtime_is_not_caught_even_when_named()
    {
        await using var test = new TestRuntime();
        test.Handlers.Register(TestRuntime.Lambda + "f", TestRuntime.Returns("{}"));
        var run = await test.RunAsync(TestRuntime.Fill("""
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "@0@f", "OutputPath": "$.no.such.result.path",
              "Catch": [{"ErrorEquals": ["States.Runtime"], "Next": "C"}], "End": true}, "C": {"Type": "Pass", "End": true}}}
            """, TestRuntime.Lambda));
        Assert.Equal("States.Runtime", run.Error);
        Assert.Equal("An error occurred while executing the state 'T' (entered at the event id #2). Invalid path '$.no.such.result.path' : Missing property in path $['no']", run.Cause);
    }
}
