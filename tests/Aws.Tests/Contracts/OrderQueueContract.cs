using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.Contracts;

/// <summary>
/// What every <see cref="IOrderQueue"/> does (SQS semantics), whatever carries the messages. One derived class per
/// backend. Waiting is done by the queue's own long polling, never by sleeping.
/// </summary>
public abstract class OrderQueueContract
{
    private static readonly TimeSpan NoWait = TimeSpan.Zero;
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Hidden = TimeSpan.FromMinutes(5);

    /// <summary>An empty queue whose dead-letter queue takes messages received more than <paramref name="maxReceiveCount"/> times.</summary>
    protected abstract Task<IOrderQueue> CreateQueueAsync(int maxReceiveCount);

    /// <summary>Lets <paramref name="span"/> pass for the queue's clock (a fake clock moves; a real one needs nothing, long polls wait).</summary>
    protected virtual Task PassAsync(TimeSpan span) => Task.CompletedTask;

    [Fact]
    public async Task A_sent_message_is_received_with_its_body_and_a_first_receive()
    {
        var queue = await CreateQueueAsync(5);
        await queue.SendAsync(new OrderQueued("ord_01JQ0000000000000000000001", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), CancellationToken.None);

        var message = Assert.Single(await queue.ReceiveAsync(10, Hidden, LongPoll, CancellationToken.None));

        Assert.Contains("\"orderId\":\"ord_01JQ0000000000000000000001\"", message.Body, StringComparison.Ordinal);
        Assert.Contains("\"traceParent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"", message.Body, StringComparison.Ordinal);
        Assert.Equal(1, message.ReceiveCount);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.False(string.IsNullOrEmpty(message.ReceiptHandle));
    }

    [Fact]
    public async Task A_received_message_stays_hidden_until_its_visibility_changes()
    {
        var queue = await CreateQueueAsync(5);
        await queue.SendAsync(new OrderQueued("ord_01JQ0000000000000000000002"), CancellationToken.None);
        var first = Assert.Single(await queue.ReceiveAsync(1, Hidden, LongPoll, CancellationToken.None));

        Assert.Empty(await queue.ReceiveAsync(1, Hidden, NoWait, CancellationToken.None));

        await queue.ChangeVisibilityAsync(first.ReceiptHandle, TimeSpan.Zero, CancellationToken.None);
        var again = Assert.Single(await queue.ReceiveAsync(1, Hidden, LongPoll, CancellationToken.None));
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task A_message_that_is_not_deleted_comes_back_after_its_visibility_timeout()
    {
        var queue = await CreateQueueAsync(5);
        await queue.SendAsync(new OrderQueued("ord_01JQ0000000000000000000003"), CancellationToken.None);
        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1), LongPoll, CancellationToken.None));

        await PassAsync(TimeSpan.FromSeconds(1));
        var again = Assert.Single(await queue.ReceiveAsync(1, Hidden, LongPoll, CancellationToken.None));

        Assert.Equal(first.MessageId, again.MessageId);
    }

    [Fact]
    public async Task A_deleted_message_is_not_delivered_again()
    {
        var queue = await CreateQueueAsync(5);
        await queue.SendAsync(new OrderQueued("ord_01JQ0000000000000000000004"), CancellationToken.None);
        var message = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.Zero, LongPoll, CancellationToken.None));

        await queue.DeleteAsync(message.ReceiptHandle, CancellationToken.None);

        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.Zero, NoWait, CancellationToken.None));
    }

    [Fact]
    public async Task A_long_poll_returns_a_message_sent_while_it_waits()
    {
        var queue = await CreateQueueAsync(5);
        var receive = queue.ReceiveAsync(1, Hidden, LongPoll, CancellationToken.None);

        await queue.SendAsync(new OrderQueued("ord_01JQ0000000000000000000005"), CancellationToken.None);

        var message = Assert.Single(await receive);
        Assert.Contains("ord_01JQ0000000000000000000005", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receive_returns_at_most_the_messages_asked_for()
    {
        var queue = await CreateQueueAsync(5);
        for (var i = 0; i < 3; i++)
        {
            await queue.SendAsync(new OrderQueued($"ord_01JQ000000000000000000001{i}"), CancellationToken.None);
        }

        var batch = await queue.ReceiveAsync(2, Hidden, LongPoll, CancellationToken.None);
        var rest = await ReceiveAllAsync(queue, 1);

        Assert.Equal(2, batch.Count);
        Assert.Single(rest);
    }

    [Fact]
    public async Task A_message_received_more_than_maxReceiveCount_times_moves_to_the_dead_letters()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 2);
        await queue.SendAsync(new OrderQueued("ord_01JQ0000000000000000000020"), CancellationToken.None);
        await ReceiveAndAbandonAsync(queue, times: 2);

        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.Zero, NoWait, CancellationToken.None));

        var dead = Assert.Single(await queue.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Contains("ord_01JQ0000000000000000000020", dead.Body, StringComparison.Ordinal);
        Assert.True(dead.ReceiveCount >= 2, $"received {dead.ReceiveCount} times");
        Assert.True(dead.DeadLetteredAt >= dead.SentAt);
    }

    [Fact]
    public async Task Listing_dead_letters_leaves_them_in_place()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 1);
        await KillAsync(queue, "ord_01JQ0000000000000000000030", "ord_01JQ0000000000000000000031");

        var first = await queue.ListDeadLettersAsync(10, CancellationToken.None);
        var second = await queue.ListDeadLettersAsync(10, CancellationToken.None);
        var limited = await queue.ListDeadLettersAsync(1, CancellationToken.None);

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(d => d.MessageId).Order(), second.Select(d => d.MessageId).Order());
        Assert.Single(limited);
        Assert.Equal(2, (await queue.ListDeadLettersAsync(10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Redriving_all_dead_letters_puts_them_back_on_the_queue()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 1);
        await KillAsync(queue, "ord_01JQ0000000000000000000040", "ord_01JQ0000000000000000000041");

        Assert.Equal(2, await queue.RedriveDeadLettersAsync(null, CancellationToken.None));

        Assert.Empty(await queue.ListDeadLettersAsync(10, CancellationToken.None));
        var bodies = (await ReceiveAllAsync(queue, 2)).Select(m => m.Body).ToList();
        Assert.Contains(bodies, b => b.Contains("ord_01JQ0000000000000000000040", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("ord_01JQ0000000000000000000041", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redriving_chosen_dead_letters_leaves_the_others_dead()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 1);
        await KillAsync(queue, "ord_01JQ0000000000000000000050", "ord_01JQ0000000000000000000051");
        var dead = await queue.ListDeadLettersAsync(10, CancellationToken.None);
        var chosen = dead.Single(d => d.Body.Contains("ord_01JQ0000000000000000000050", StringComparison.Ordinal));

        Assert.Equal(1, await queue.RedriveDeadLettersAsync([chosen.MessageId], CancellationToken.None));

        var left = Assert.Single(await queue.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Contains("ord_01JQ0000000000000000000051", left.Body, StringComparison.Ordinal);
        var back = Assert.Single(await queue.ReceiveAsync(10, Hidden, LongPoll, CancellationToken.None));
        Assert.Contains("ord_01JQ0000000000000000000050", back.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redriving_with_no_dead_letters_moves_nothing()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 1);

        Assert.Equal(0, await queue.RedriveDeadLettersAsync(null, CancellationToken.None));
    }

    /// <summary>Receives a message <paramref name="times"/> times without deleting it; the next receive dead-letters it.</summary>
    private static async Task ReceiveAndAbandonAsync(IOrderQueue queue, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Single(await queue.ReceiveAsync(1, TimeSpan.Zero, LongPoll, CancellationToken.None));
        }
    }

    /// <summary>Sends messages and receives each past a maxReceiveCount of 1, so all are dead letters.</summary>
    private static async Task KillAsync(IOrderQueue queue, params string[] orderIds)
    {
        foreach (var orderId in orderIds)
        {
            await queue.SendAsync(new OrderQueued(orderId), CancellationToken.None);
        }
        Assert.Equal(orderIds.Length, (await ReceiveAllAsync(queue, orderIds.Length, TimeSpan.Zero)).Count);
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.Zero, NoWait, CancellationToken.None));
    }

    /// <summary>Receives until <paramref name="count"/> distinct messages arrived (a receive may return fewer than there are).</summary>
    private static async Task<List<QueueMessage>> ReceiveAllAsync(IOrderQueue queue, int count, TimeSpan? visibility = null)
    {
        var received = new Dictionary<string, QueueMessage>();
        for (var polls = 0; received.Count < count; polls++)
        {
            Assert.True(polls < 20, $"only {received.Count} of {count} messages arrived");
            foreach (var message in await queue.ReceiveAsync(count - received.Count, visibility ?? Hidden, LongPoll, CancellationToken.None))
            {
                received[message.MessageId] = message;
            }
        }
        return received.Values.ToList();
    }
}
