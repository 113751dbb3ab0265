using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Orders;

namespace StepOrders.Steps.Tests;

public class StarterTests
{
    private readonly RecordingWorkflow _workflow = new();
    private readonly StartOrderWorkflow _starter;

    public StarterTests() => _starter = new StartOrderWorkflow(_workflow, NullLogger<StartOrderWorkflow>.Instance);

    private static QueueMessage Message(string id, string body, int receives = 1) =>
        new(id, body, "rh-" + id, receives, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_message_delivered_twice_starts_one_execution_named_by_the_order()
    {
        var orderId = OrderId.New(DateTimeOffset.UtcNow).Value;
        var body = $$"""{"orderId":"{{orderId}}","traceParent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}""";

        var failed = await _starter.HandleAsync([Message("m1", body), Message("m2", body)], CancellationToken.None);

        Assert.Empty(failed);
        Assert.Equal(2, _workflow.StartCalls);
        var execution = Assert.Single(_workflow.Executions);
        Assert.Equal(orderId, execution.Key);
        Assert.StartsWith("00-0af7651916cd43dd", execution.Value.TraceParent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_message_is_reported_as_failed_so_it_ends_in_the_dead_letter_queue()
    {
        var good = OrderId.New(DateTimeOffset.UtcNow).Value;

        var failed = await _starter.HandleAsync(
            [Message("poison", "not json"), Message("wrong", """{"orderId":"42"}"""), Message("ok", $$"""{"orderId":"{{good}}"}""")],
            CancellationToken.None);

        Assert.Equal(["poison", "wrong"], failed);
        Assert.Single(_workflow.Executions);
    }

    [Fact]
    public async Task A_start_that_fails_leaves_the_message_for_redelivery()
    {
        _workflow.Unavailable = true;
        var body = $$"""{"orderId":"{{OrderId.New(DateTimeOffset.UtcNow)}}"}""";

        var failed = await _starter.HandleAsync([Message("m1", body)], CancellationToken.None);

        Assert.Equal(["m1"], failed);
    }

    [Fact]
    public async Task A_batch_starts_its_executions_at_once_rather_than_one_after_another()
    {
        _workflow.AnswerOnceStarted = 3;
        var batch = Enumerable.Range(0, 3)
            .Select(i => Message($"m{i}", $$"""{"orderId":"{{OrderId.New(DateTimeOffset.UtcNow)}}"}"""))
            .ToList();
        // One at a time, the first start would wait for the other two forever; the token ends the test instead of hanging it.
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var failed = await _starter.HandleAsync(batch, hang.Token);

        Assert.Empty(failed);
        Assert.Equal(3, _workflow.Executions.Count);
    }
}
