using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StepOrders.Workflow.Execution;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests;

/// <summary>A runtime on a fake clock, in memory or on a SQLite file, with helpers to run a definition.</summary>
internal sealed class TestRuntime : IAsyncDisposable
{
    private readonly Lock clockGate = new();

    public TestRuntime(TaskHandlerRegistry? handlers = null, string? databasePath = null, double timeScale = 1, bool autoAdvance = true,
        FakeTimeProvider? clock = null, TimeSpan? executionRetention = null)
    {
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Handlers = handlers ?? new TaskHandlerRegistry();
        Runtime = new WorkflowRuntime(
            new WorkflowOptions
            {
                DatabasePath = databasePath,
                TimeScale = timeScale,
                MaxConcurrentExecutions = 8,
                ExecutionRetention = executionRetention ?? new WorkflowOptions().ExecutionRetention,
            },
            Handlers, Clock, new FixedJitter(0.5));
        Runtime.StartAsync().GetAwaiter().GetResult();
        if (autoAdvance)
        {
            Runtime.Timers.Armed += AdvanceTo;
        }
    }

    public FakeTimeProvider Clock { get; }

    public TaskHandlerRegistry Handlers { get; }

    public WorkflowRuntime Runtime { get; }

    public const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:";

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public async Task<ExecutionDescription> RunAsync(string definition, string input = "{}", string name = "run")
    {
        var machine = await Runtime.CreateStateMachineAsync("Machine", definition);
        var started = await Runtime.StartExecutionAsync(machine.StateMachineArn, name, input);
        return await Runtime.WaitForCompletionAsync(started.ExecutionArn, Timeout);
    }

    public async Task<IReadOnlyList<History.HistoryEvent>> HistoryAsync(string executionArn) =>
        (await Runtime.GetExecutionHistoryAsync(executionArn, maxResults: 1000)).Events;

    /// <summary>Puts values into a JSON template at @0@, @1@…; JSON's braces make interpolated raw strings awkward.</summary>
    public static string Fill(string template, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            template = template.Replace($"@{i}@", values[i].ToString(), StringComparison.Ordinal);
        }

        return template;
    }

    public static TaskHandler Returns(string json) =>
        (_, _, _) => ValueTask.FromResult(JsonNode.Parse(json));

    public static TaskHandler Echo { get; } = (input, _, _) => ValueTask.FromResult(input);

    private void AdvanceTo(DateTimeOffset due)
    {
        lock (clockGate)
        {
            if (due > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(due);
            }
        }
    }

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();

    private sealed class FixedJitter(double value) : IJitterSource
    {
        public double Next() => value;
    }
}
