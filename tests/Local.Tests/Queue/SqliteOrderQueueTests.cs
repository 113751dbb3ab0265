using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StepOrders.Local.Queue;
using StepOrders.Orders;

namespace StepOrders.Local.Tests.Queue;

public sealed class SqliteOrderQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);
    private readonly TestDatabase _test = TestDatabase.Create();
    private readonly SqliteOrderQueue _queue;

    public SqliteOrderQueueTests()
    {
        _queue = new SqliteOrderQueue(_test.Database, new QueueArrivals(), Options.Create(new QueueOptions { MaxReceiveCount = 3 }), _test.Clock, NullLogger<SqliteOrderQueue>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task A_received_message_is_invisible_until_its_visibility_timeout_passes()
    {
        await _queue.SendAsync(new OrderQueued("ord_1"), CancellationToken.None);

        var first = Assert.Single(await ReceiveNowAsync());
        Assert.Empty(await ReceiveNowAsync());
        _test.Clock.Advance(Visibility - TimeSpan.FromSeconds(1));
        Assert.Empty(await ReceiveNowAsync());
        _test.Clock.Advance(TimeSpan.FromSeconds(1));
        var again = Assert.Single(await ReceiveNowAsync());

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal((1, 2), (first.ReceiveCount, again.ReceiveCount));
        Assert.NotEqual(first.ReceiptHandle, again.ReceiptHandle);
        Assert.Contains("ord_1", again.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_message_does_not_come_back()
    {
        await _queue.SendAsync(new OrderQueued("ord_1"), CancellationToken.None);
        var message = Assert.Single(await ReceiveNowAsync());

        await _queue.DeleteAsync(message.ReceiptHandle, CancellationToken.None);
        _test.Clock.Advance(Visibility);

        Assert.Empty(await ReceiveNowAsync());
    }

    [Fact]
    public async Task A_receipt_from_an_earlier_receive_no_longer_deletes_the_message()
    {
        await _queue.SendAsync(new OrderQueued("ord_1"), CancellationToken.None);
        var stale = Assert.Single(await ReceiveNowAsync());
        _test.Clock.Advance(Visibility);
        Assert.Single(await ReceiveNowAsync());

        await _queue.DeleteAsync(stale.ReceiptHandle, CancellationToken.None);
        _test.Clock.Advance(Visibility);

        Assert.Single(await ReceiveNowAsync());
    }

    [Fact]
    public async Task Changing_the_visibility_hides_a_message_longer()
    {
        await _queue.SendAsync(new OrderQueued("ord_1"), CancellationToken.None);
        var message = Assert.Single(await ReceiveNowAsync());

        await _queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.FromMinutes(5), CancellationToken.None);
        _test.Clock.Advance(Visibility);

        Assert.Empty(await ReceiveNowAsync());
        _test.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(await ReceiveNowAsync());
    }

    [Fact]
    public async Task A_message_received_max_receive_count_times_moves_to_the_dead_letters_on_the_next_receive()
    {
        await _queue.SendAsync(new OrderQueued("ord_poison"), CancellationToken.None);

        for (var receive = 1; receive <= 3; receive++)
        {
            Assert.Equal(receive, Assert.Single(await ReceiveNowAsync()).ReceiveCount);
            _test.Clock.Advance(Visibility);
        }
        Assert.Empty(await ReceiveNowAsync());

        var letter = Assert.Single(await _queue.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal(3, letter.ReceiveCount);
        Assert.Contains("ord_poison", letter.Body, StringComparison.Ordinal);
        Assert.Equal(_test.Clock.GetUtcNow(), letter.DeadLetteredAt);
    }

    [Fact]
    public async Task Redriving_dead_letters_returns_them_to_the_queue_as_never_received()
    {
        await DeadLetterAsync("ord_a", "ord_b", "ord_c");
        var letters = await _queue.ListDeadLettersAsync(10, CancellationToken.None);

        var one = await _queue.RedriveDeadLettersAsync([letters[0].MessageId], CancellationToken.None);
        var redriven = Assert.Single(await ReceiveNowAsync());
        var rest = await _queue.RedriveDeadLettersAsync(null, CancellationToken.None);

        Assert.Equal((1, 2), (one, rest));
        Assert.Equal((letters[0].MessageId, 1), (redriven.MessageId, redriven.ReceiveCount));
        Assert.Empty(await _queue.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal(2, (await ReceiveNowAsync(10)).Count);
    }

    [Fact]
    public async Task A_long_poll_wakes_when_a_message_is_sent()
    {
        var waiting = _queue.ReceiveAsync(10, Visibility, TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await _queue.SendAsync(new OrderQueued("ord_late"), CancellationToken.None);

        Assert.Single(await waiting);
    }

    [Fact]
    public async Task A_long_poll_wakes_when_an_invisible_message_comes_back()
    {
        await _queue.SendAsync(new OrderQueued("ord_1"), CancellationToken.None);
        Assert.Single(await ReceiveNowAsync());
        var armed = _test.Clock.NextTimerAsync();
        var waiting = _queue.ReceiveAsync(10, Visibility, TimeSpan.FromMinutes(2), CancellationToken.None);
        await armed;

        _test.Clock.Advance(Visibility);

        Assert.Equal(2, Assert.Single(await waiting).ReceiveCount);
    }

    [Fact]
    public async Task A_long_poll_ends_empty_when_its_wait_is_over()
    {
        var armed = _test.Clock.NextTimerAsync();
        var waiting = _queue.ReceiveAsync(10, Visibility, TimeSpan.FromSeconds(20), CancellationToken.None);
        await armed;

        _test.Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Empty(await waiting);
    }

    [Fact]
    public async Task Messages_come_in_the_order_they_were_sent_up_to_the_batch_size()
    {
        for (var i = 0; i < 5; i++)
        {
            await _queue.SendAsync(new OrderQueued($"ord_{i}"), CancellationToken.None);
        }

        var batch = await ReceiveNowAsync(3);

        Assert.Equal(["ord_0", "ord_1", "ord_2"], batch.Select(m => m.Body[12..17]));
    }

    private Task<IReadOnlyList<QueueMessage>> ReceiveNowAsync(int max = 1) => _queue.ReceiveAsync(max, Visibility, TimeSpan.Zero, CancellationToken.None);

    private async Task DeadLetterAsync(params string[] orderIds)
    {
        foreach (var id in orderIds)
        {
            await _queue.SendAsync(new OrderQueued(id), CancellationToken.None);
        }
        for (var receive = 0; receive <= 3; receive++)
        {
            await ReceiveNowAsync(orderIds.Length);
            _test.Clock.Advance(Visibility);
        }
    }
}
