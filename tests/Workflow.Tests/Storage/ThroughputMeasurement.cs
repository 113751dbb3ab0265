using System.Diagnostics;
using System.Text.Json.Nodes;
using StepOrders.Workflow.Tasks;
using Xunit.Abstractions;

namespace StepOrders.Workflow.Tests.Storage;

/// <summary>
/// Prints executions per second for a 6-Task machine, in memory and on SQLite. Measures, never asserts on
/// time (tests never do); run with <c>--filter ThroughputMeasurement --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ThroughputMeasurement(ITestOutputHelper output) : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "steporders-throughput-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(false, 5000)]
    [InlineData(true, 5000)]
    public async Task Six_task_executions_per_second(bool durable, int executions)
    {
        var handlers = new TaskHandlerRegistry();
        var states = new JsonObject();
        for (var i = 1; i <= 6; i++)
        {
            var arn = TestRuntime.Lambda + "Step" + i;
            handlers.Register(arn, (_, _, _) => ValueTask.FromResult<JsonNode?>(JsonValue.Create(true)));
            states["Step" + i] = JsonNode.Parse($$"""{"Type": "Task", "Resource": "{{arn}}", "ResultPath": "$.s{{i}}", {{(i == 6 ? "\"End\": true" : $"\"Next\": \"Step{i + 1}\"")}}}""");
        }

        var definition = new JsonObject { ["StartAt"] = "Step1", ["States"] = states }.ToJsonString();
        var runtime = new WorkflowRuntime(
            new WorkflowOptions { DatabasePath = durable ? Path.Combine(directory, "t.db") : null, MaxConcurrentExecutions = 256 }, handlers);
        await using (runtime)
        {
            var machine = await runtime.CreateStateMachineAsync("Six", definition);
            var clock = Stopwatch.StartNew();
            var started = await Task.WhenAll(Enumerable.Range(0, executions).Select(i =>
                runtime.StartExecutionAsync(machine.StateMachineArn, "e" + i, """{"orderId": "o"}""")));
            var done = await Task.WhenAll(started.Select(s => runtime.WaitForCompletionAsync(s.ExecutionArn, TestRuntime.Timeout)));
            clock.Stop();
            Assert.All(done, d => Assert.Equal(ExecutionStatus.Succeeded, d.Status));
            var perSecond = executions / clock.Elapsed.TotalSeconds;
            output.WriteLine($"{(durable ? "SQLite" : "in-memory")}: {executions} executions in {clock.Elapsed.TotalMilliseconds:F0} ms = {perSecond:F0} executions/s, {perSecond * 32:F0} events/s");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
