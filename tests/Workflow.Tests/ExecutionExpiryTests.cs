using Microsoft.Extensions.Logging;

namespace StepOrders.Workflow.Tests;

public class ExecutionExpiryTests
{
    private const string Pass = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";

    [Fact]
    public async Task Each_hour_it_deletes_expired_executions_and_logs_how_many()
    {
        await using var test = new TestRuntime(autoAdvance: false);
        var machine = (await test.Runtime.CreateStateMachineAsync("Passing", Pass)).StateMachineArn;
        var arn = (await test.Runtime.StartExecutionAsync(machine, "order-1")).ExecutionArn;
        await test.Runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout);
        var logger = new RecordingLogger();
        using var expiry = new ExecutionExpiry(test.Runtime, test.Clock, logger);
        test.Clock.Advance(TimeSpan.FromDays(91));
        await expiry.StartAsync(TestRuntime.Timeout);

        // The service creates its timer on a thread of its own, so the clock moves an hour at a time until it ticks.
        var timeout = TestRuntime.Timeout;
        while (!logger.First.Task.IsCompleted)
        {
            timeout.ThrowIfCancellationRequested();
            test.Clock.Advance(ExecutionExpiry.Interval);
            await Task.Yield();
        }

        var line = await logger.First.Task;

        Assert.Equal("Deleted 1 closed executions past their retention", line);
        var error = await Assert.ThrowsAsync<WorkflowApiException>(() => test.Runtime.DescribeExecutionAsync(arn));
        Assert.Equal(WorkflowErrorCodes.ExecutionDoesNotExist, error.ErrorCode);
        await expiry.StopAsync(TestRuntime.Timeout);
    }

    [Fact]
    public async Task A_purge_that_deletes_nothing_logs_nothing()
    {
        await using var test = new TestRuntime(autoAdvance: false);
        var machine = (await test.Runtime.CreateStateMachineAsync("Passing", Pass)).StateMachineArn;
        var arn = (await test.Runtime.StartExecutionAsync(machine, "order-1")).ExecutionArn;
        await test.Runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout);
        var logger = new RecordingLogger();
        using var expiry = new ExecutionExpiry(test.Runtime, test.Clock, logger);
        test.Clock.Advance(TimeSpan.FromDays(89));

        Assert.Equal(0, await expiry.PurgeAsync(TestRuntime.Timeout));
        Assert.False(logger.First.Task.IsCompleted);
        Assert.Equal(ExecutionStatus.Succeeded, (await test.Runtime.DescribeExecutionAsync(arn)).Status);
    }

    private sealed class RecordingLogger : ILogger<ExecutionExpiry>
    {
        public TaskCompletionSource<string> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            First.TrySetResult(formatter(state, exception));
    }
}
