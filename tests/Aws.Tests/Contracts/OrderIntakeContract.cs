using Microsoft.Extensions.Time.Testing;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.Contracts;

/// <summary>
/// What every <see cref="IOrderIntake"/> does: store the order PENDING, queue it once, honour idempotency keys.
/// One derived class per backend, which wires the intake to a store and a queue of the same backend and to
/// <see cref="Clock"/>.
/// </summary>
public abstract class OrderIntakeContract : IAsyncLifetime
{
    private static readonly TimeSpan Hidden = TimeSpan.FromMinutes(5);

    protected FakeTimeProvider Clock { get; } = new(OrderSamples.Start);

    protected IOrderIntake Intake { get; private set; } = null!;

    protected IOrderStore Store { get; private set; } = null!;

    protected IOrderQueue Queue { get; private set; } = null!;

    protected abstract Task<(IOrderIntake Intake, IOrderStore Store, IOrderQueue Queue)> CreateAsync();

    public async Task InitializeAsync() => (Intake, Store, Queue) = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_accepted_order_is_stored_pending_and_queued_for_its_workflow()
    {
        var order = NewOrder();

        var result = await Intake.AcceptAsync(order, null, CancellationToken.None);

        Assert.Equal(order.Id, Assert.IsType<IntakeResult.Accepted>(result).Order.Id);
        var stored = await Store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Pending, stored!.Status);
        var message = Assert.Single(await DrainAsync());
        Assert.Contains($"\"orderId\":\"{order.Id}\"", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_order()
    {
        var claim = Claim("key-1", "body-a");
        var first = NewOrder();
        await Intake.AcceptAsync(first, claim, CancellationToken.None);

        var retry = await Intake.AcceptAsync(NewOrder(), claim, CancellationToken.None);

        Assert.Equal(new IntakeResult.Replayed(first.Id), retry);
        Assert.Equal([first.Id], (await Store.ListAsync(OrderFilter.ForCustomer(first.CustomerId), 10, null, CancellationToken.None)).Orders.Select(o => o.Id));
        Assert.Single(await DrainAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_reported_as_reused()
    {
        var first = NewOrder();
        await Intake.AcceptAsync(first, Claim("key-1", "body-a"), CancellationToken.None);
        var other = NewOrder();

        var result = await Intake.AcceptAsync(other, Claim("key-1", "body-b"), CancellationToken.None);

        Assert.Equal(new IntakeResult.KeyReused(first.Id), result);
        Assert.Null(await Store.GetAsync(other.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Keys_are_scoped_to_who_sent_them()
    {
        var mine = NewOrder();
        var theirs = NewOrder();

        Assert.IsType<IntakeResult.Accepted>(await Intake.AcceptAsync(mine, Claim("key-1", "body-a", scope: "key-owner-1"), CancellationToken.None));
        Assert.IsType<IntakeResult.Accepted>(await Intake.AcceptAsync(theirs, Claim("key-1", "body-a", scope: "key-owner-2"), CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_key_starts_a_new_order()
    {
        var first = NewOrder();
        await Intake.AcceptAsync(first, Claim("key-1", "body-a"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(25));

        var later = NewOrder();
        var result = await Intake.AcceptAsync(later, Claim("key-1", "body-b"), CancellationToken.None);

        Assert.Equal(later.Id, Assert.IsType<IntakeResult.Accepted>(result).Order.Id);
    }

    private Order NewOrder() => OrderSamples.Placed("cust-intake", Clock.GetUtcNow());

    /// <summary>A claim valid for a day from now, as the API makes them.</summary>
    private IdempotencyClaim Claim(string key, string fingerprint, string scope = "key-owner-1") =>
        new(scope, key, fingerprint, Clock.GetUtcNow().AddHours(24));

    /// <summary>Every message on the queue. The intake sends before it returns, so receiving until empty without waiting finds them all.</summary>
    private async Task<List<QueueMessage>> DrainAsync()
    {
        var messages = new List<QueueMessage>();
        while (true)
        {
            var batch = await Queue.ReceiveAsync(10, Hidden, TimeSpan.Zero, CancellationToken.None);
            if (batch.Count == 0)
            {
                return messages;
            }
            messages.AddRange(batch);
        }
    }
}
