using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StepOrders.Local.Orders;
using StepOrders.Local.Queue;
using StepOrders.Orders;

namespace StepOrders.Local.Tests.Orders;

public sealed class SqliteOrderIntakeTests : IAsyncLifetime
{
    private readonly TestDatabase _test = TestDatabase.Create();
    private readonly SqliteOrderIntake _intake;
    private readonly SqliteOrderStore _store;
    private readonly SqliteOrderQueue _queue;

    public SqliteOrderIntakeTests()
    {
        var arrivals = new QueueArrivals();
        _intake = new SqliteOrderIntake(_test.Database, arrivals, _test.Clock);
        _store = new SqliteOrderStore(_test.Database);
        _queue = new SqliteOrderQueue(_test.Database, arrivals, Options.Create(new QueueOptions()), _test.Clock, NullLogger<SqliteOrderQueue>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task An_accepted_order_is_stored_and_queued()
    {
        var order = TestOrders.Place(_test.Clock.GetUtcNow());

        var result = await _intake.AcceptAsync(order, null, CancellationToken.None);

        Assert.Equal(order, Assert.IsType<IntakeResult.Accepted>(result).Order);
        Assert.NotNull(await _store.GetAsync(order.Id, CancellationToken.None));
        var message = Assert.Single(await _queue.ReceiveAsync(10, TimeSpan.FromSeconds(30), TimeSpan.Zero, CancellationToken.None));
        Assert.Equal($$"""{"orderId":"{{order.Id}}"}""", message.Body);
    }

    [Fact]
    public async Task Orders_accepted_together_are_all_stored_and_queued()
    {
        var orders = Enumerable.Range(0, 500).Select(i => TestOrders.Place(_test.Clock.GetUtcNow(), $"c{i % 7}")).ToList();

        await Task.WhenAll(orders.Select(order => _intake.AcceptAsync(order, null, CancellationToken.None)));

        var queued = await _queue.ReceiveAsync(1000, TimeSpan.FromSeconds(30), TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(orders.Select(o => o.Id.Value).Order(), queued.Select(m => m.Body[12..^2]).Order());
        Assert.All(await Task.WhenAll(orders.Take(20).Select(o => _store.GetAsync(o.Id, CancellationToken.None))), Assert.NotNull);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_order_and_queues_nothing_more()
    {
        var first = TestOrders.Place(_test.Clock.GetUtcNow());
        await _intake.AcceptAsync(first, Claim("k", "body-1"), CancellationToken.None);

        var retry = await _intake.AcceptAsync(TestOrders.Place(_test.Clock.GetUtcNow()), Claim("k", "body-1"), CancellationToken.None);

        Assert.Equal(first.Id, Assert.IsType<IntakeResult.Replayed>(retry).OrderId);
        Assert.Single(await _queue.ReceiveAsync(10, TimeSpan.FromSeconds(30), TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_reported_as_reused()
    {
        var first = TestOrders.Place(_test.Clock.GetUtcNow());
        await _intake.AcceptAsync(first, Claim("k", "body-1"), CancellationToken.None);

        var other = await _intake.AcceptAsync(TestOrders.Place(_test.Clock.GetUtcNow()), Claim("k", "body-2"), CancellationToken.None);

        Assert.Equal(first.Id, Assert.IsType<IntakeResult.KeyReused>(other).OrderId);
    }

    [Fact]
    public async Task A_key_is_free_again_once_it_expired()
    {
        await _intake.AcceptAsync(TestOrders.Place(_test.Clock.GetUtcNow()), Claim("k", "body-1"), CancellationToken.None);
        _test.Clock.Advance(TimeSpan.FromHours(24));

        var later = await _intake.AcceptAsync(TestOrders.Place(_test.Clock.GetUtcNow()), Claim("k", "body-1"), CancellationToken.None);

        Assert.IsType<IntakeResult.Accepted>(later);
    }

    [Fact]
    public async Task Keys_of_different_scopes_do_not_collide()
    {
        await _intake.AcceptAsync(TestOrders.Place(_test.Clock.GetUtcNow()), Claim("k", "body-1", scope: "key_a"), CancellationToken.None);

        var other = await _intake.AcceptAsync(TestOrders.Place(_test.Clock.GetUtcNow()), Claim("k", "body-2", scope: "key_b"), CancellationToken.None);

        Assert.IsType<IntakeResult.Accepted>(other);
    }

    private IdempotencyClaim Claim(string key, string fingerprint, string scope = "key_a") =>
        new(scope, key, fingerprint, _test.Clock.GetUtcNow().AddHours(24));
}
