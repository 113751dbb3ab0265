using Microsoft.Data.Sqlite;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Storage;

namespace StepOrders.Workflow.Tests.Storage;

public sealed class ExecutionRetentionTests : IDisposable
{
    private const string Pass = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";
    private const string Fail = """{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E", "Cause": "c"}}}""";
    private const string Blocked = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:blocked", "End": true}}}
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "steporders-workflow-" + Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(directory, "workflow.db");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Closed_executions_past_retention_are_deleted_with_their_history_and_younger_and_running_ones_kept(bool sqlite)
    {
        await using var test = new TestRuntime(databasePath: sqlite ? Database : null, autoAdvance: false);
        test.Handlers.Register(TestRuntime.Lambda + "blocked", async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        });
        var runtime = test.Runtime;
        var passing = (await runtime.CreateStateMachineAsync("Passing", Pass)).StateMachineArn;
        var failing = (await runtime.CreateStateMachineAsync("Failing", Fail)).StateMachineArn;
        var blocked = (await runtime.CreateStateMachineAsync("Blocked", Blocked)).StateMachineArn;
        var succeeded = await RunAsync(runtime, passing, "old-succeeded");
        var failed = await RunAsync(runtime, failing, "old-failed");
        var running = (await runtime.StartExecutionAsync(blocked, "running")).ExecutionArn;
        test.Clock.Advance(TimeSpan.FromDays(10));
        var young = await RunAsync(runtime, passing, "young");

        test.Clock.Advance(TimeSpan.FromDays(80) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await runtime.DeleteExpiredExecutionsAsync(TestRuntime.Timeout));
        test.Clock.Advance(TimeSpan.FromMilliseconds(2));
        var deleted = await runtime.DeleteExpiredExecutionsAsync(TestRuntime.Timeout);

        Assert.Equal(2, deleted);
        foreach (var arn in new[] { succeeded, failed })
        {
            var describe = await Assert.ThrowsAsync<WorkflowApiException>(() => runtime.DescribeExecutionAsync(arn));
            Assert.Equal(WorkflowErrorCodes.ExecutionDoesNotExist, describe.ErrorCode);
            var history = await Assert.ThrowsAsync<WorkflowApiException>(() => runtime.GetExecutionHistoryAsync(arn));
            Assert.Equal(WorkflowErrorCodes.ExecutionDoesNotExist, history.ErrorCode);
        }

        Assert.Equal(ExecutionStatus.Succeeded, (await runtime.DescribeExecutionAsync(young)).Status);
        Assert.NotEmpty(await test.HistoryAsync(young));
        Assert.Equal(ExecutionStatus.Running, (await runtime.DescribeExecutionAsync(running)).Status);
        Assert.NotEmpty(await test.HistoryAsync(running));
        Assert.Equal(3, (await runtime.ListStateMachinesAsync()).Count);
        if (sqlite)
        {
            Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM history WHERE execution_id NOT IN (SELECT id FROM executions)"));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_expired_execution_name_can_be_used_again(bool sqlite)
    {
        await using var test = new TestRuntime(databasePath: sqlite ? Database : null, autoAdvance: false);
        var machine = (await test.Runtime.CreateStateMachineAsync("Passing", Pass)).StateMachineArn;
        var first = await RunAsync(test.Runtime, machine, "order-1");
        test.Clock.Advance(TimeSpan.FromDays(91));
        await test.Runtime.DeleteExpiredExecutionsAsync(TestRuntime.Timeout);

        var again = await RunAsync(test.Runtime, machine, "order-1");

        Assert.Equal(first, again);
        Assert.Equal(test.Clock.GetUtcNow(), (await test.Runtime.DescribeExecutionAsync(again)).StartDate);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_runtime_deletes_every_expired_execution_over_several_batches(bool sqlite)
    {
        await using var test = new TestRuntime(databasePath: sqlite ? Database : null, autoAdvance: false);
        var machine = (await test.Runtime.CreateStateMachineAsync("Passing", Pass)).StateMachineArn;
        var arns = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            arns.Add(await RunAsync(test.Runtime, machine, $"order-{i}"));
        }

        test.Clock.Advance(TimeSpan.FromDays(91));
        var deleted = await test.Runtime.DeleteExpiredExecutionsAsync(batchSize: 3, TestRuntime.Timeout);

        Assert.Equal(7, deleted);
        Assert.Empty((await test.Runtime.ListExecutionsAsync(machine)).Executions);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_store_delete_takes_at_most_one_batch_per_write(bool sqlite)
    {
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using IExecutionStore store = sqlite ? new SqliteExecutionStore(Database, synchronousFull: false) : new InMemoryExecutionStore();
        await store.OpenAsync(TestRuntime.Timeout);
        for (var i = 0; i < 5; i++)
        {
            await InsertClosedAsync(store, $"closed-{i}", now);
        }

        await InsertClosedAsync(store, "stopped-at-the-cutoff", now.AddDays(1));
        var (running, _) = await store.InsertExecutionAsync(Row("running", now.AddDays(-1)), [Started(now.AddDays(-1))]);

        var batches = new List<int>();
        int deleted;
        do
        {
            batches.Add(deleted = await store.DeleteClosedExecutionsAsync(now.AddDays(1), 2, TestRuntime.Timeout));
        }
        while (deleted > 0);

        Assert.Equal([2, 2, 1, 0], batches);
        Assert.NotNull(await store.GetExecutionAsync(Arn("stopped-at-the-cutoff"), TestRuntime.Timeout));
        Assert.NotNull(await store.GetExecutionAsync(running.Arn, TestRuntime.Timeout));
        Assert.Null(await store.GetExecutionAsync(Arn("closed-0"), TestRuntime.Timeout));
        Assert.Single(await store.GetRunningExecutionsAsync(TestRuntime.Timeout));
    }

    [Fact]
    public async Task New_executions_reuse_the_pages_deleted_ones_freed_so_the_file_stops_growing()
    {
        // SQLite puts a deleted row's pages on its freelist and later inserts take them from there, so a purged
        // workflow.db levels off without a VACUUM (which would rewrite the whole file while holding the writer).
        await using var test = new TestRuntime(databasePath: Database, autoAdvance: false);
        var machine = (await test.Runtime.CreateStateMachineAsync("Passing", Pass)).StateMachineArn;
        var input = $$"""{"padding": "{{new string('x', 2000)}}"}""";
        for (var i = 0; i < 200; i++)
        {
            await RunAsync(test.Runtime, machine, $"first-{i}", input);
        }

        var pagesBefore = await ScalarAsync("PRAGMA page_count");
        test.Clock.Advance(TimeSpan.FromDays(91));
        Assert.Equal(200, await test.Runtime.DeleteExpiredExecutionsAsync(TestRuntime.Timeout));
        Assert.True(await ScalarAsync("PRAGMA freelist_count") > pagesBefore / 2);
        for (var i = 0; i < 200; i++)
        {
            await RunAsync(test.Runtime, machine, $"second-{i}", input);
        }

        var pagesAfter = await ScalarAsync("PRAGMA page_count");
        Assert.True(pagesAfter < pagesBefore * 1.1, $"{pagesBefore} pages before, {pagesAfter} after the second 200");
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> RunAsync(WorkflowRuntime runtime, string machine, string name, string input = "{}")
    {
        var arn = (await runtime.StartExecutionAsync(machine, name, input)).ExecutionArn;
        await runtime.WaitForCompletionAsync(arn, TestRuntime.Timeout);
        return arn;
    }

    private static string Arn(string name) => $"arn:aws:states:us-east-1:123456789012:execution:M:{name}";

    private static ExecutionRow Row(string name, DateTimeOffset start) => new()
    {
        Arn = Arn(name),
        Name = name,
        StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:M",
        Status = ExecutionStatus.Running,
        Input = "{}",
        StartDate = start,
        LastEventId = 1,
        Checkpoint = "{}",
    };

    private static HistoryEvent Started(DateTimeOffset at) => new() { Id = 1, Timestamp = at, Type = HistoryEventType.ExecutionStarted };

    private static async Task InsertClosedAsync(IExecutionStore store, string name, DateTimeOffset stop)
    {
        var (row, _) = await store.InsertExecutionAsync(Row(name, stop.AddMinutes(-1)), [Started(stop.AddMinutes(-1))]);
        await store.Append(new ExecutionUpdate
        {
            ExecutionId = row.Id,
            Events = [new HistoryEvent { Id = 2, Timestamp = stop, Type = HistoryEventType.ExecutionSucceeded, Output = "{}" }],
            LastEventId = 2,
            Checkpoint = "{}",
            Status = ExecutionStatus.Succeeded,
            Output = "{}",
            StopDate = stop,
        });
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
