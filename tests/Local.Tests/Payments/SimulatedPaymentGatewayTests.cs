using StepOrders.Local.Payments;
using StepOrders.Orders;

namespace StepOrders.Local.Tests.Payments;

public sealed class SimulatedPaymentGatewayTests : IAsyncLifetime
{
    private readonly TestDatabase _test = TestDatabase.Create();
    private readonly SimulatedPaymentGateway _gateway;

    public SimulatedPaymentGatewayTests() => _gateway = new SimulatedPaymentGateway(_test.Database, _test.Clock);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task A_retried_capture_returns_the_first_and_charges_once()
    {
        var order = NewOrder();

        var first = await _gateway.CaptureAsync(Request(order, TestCardNetwork.Approve), CancellationToken.None);
        var retry = await _gateway.CaptureAsync(Request(order, TestCardNetwork.Approve, attempt: 1), CancellationToken.None);

        var captured = Assert.IsType<PaymentOutcome.Captured>(first);
        Assert.Equal(new Money(39.98m, "EUR"), captured.Amount);
        Assert.Equal(first, retry);
        Assert.Equal(1, await _gateway.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task Captures_racing_for_one_order_charge_once()
    {
        var order = NewOrder();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _gateway.CaptureAsync(Request(order, TestCardNetwork.Approve), CancellationToken.None)));

        Assert.Single(outcomes.Distinct());
        Assert.Equal(1, await _gateway.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task A_declined_token_is_declined_and_charges_nothing()
    {
        var order = NewOrder();

        var outcome = await _gateway.CaptureAsync(Request(order, TestCardNetwork.Decline), CancellationToken.None);

        Assert.IsType<PaymentOutcome.Declined>(outcome);
        Assert.Equal(0, await _gateway.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task A_flaky_token_is_unavailable_twice_then_captures()
    {
        var order = NewOrder();

        var outcomes = new List<PaymentOutcome>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            outcomes.Add(await _gateway.CaptureAsync(Request(order, TestCardNetwork.Flaky, attempt), CancellationToken.None));
        }

        Assert.IsType<PaymentOutcome.Unavailable>(outcomes[0]);
        Assert.IsType<PaymentOutcome.Unavailable>(outcomes[1]);
        Assert.IsType<PaymentOutcome.Captured>(outcomes[2]);
        Assert.Equal(1, await _gateway.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task A_refund_refunds_once()
    {
        var order = NewOrder();
        await _gateway.CaptureAsync(Request(order, TestCardNetwork.Approve), CancellationToken.None);

        var first = await _gateway.RefundAsync(order, CancellationToken.None);
        var second = await _gateway.RefundAsync(order, CancellationToken.None);

        Assert.Equal((true, false), (first, second));
    }

    [Fact]
    public async Task Refunding_an_order_that_paid_nothing_refunds_nothing()
    {
        Assert.False(await _gateway.RefundAsync(NewOrder(), CancellationToken.None));
    }

    [Fact]
    public async Task An_order_paid_refunded_and_redriven_pays_again_under_a_new_payment()
    {
        var order = NewOrder();
        var first = Assert.IsType<PaymentOutcome.Captured>(await _gateway.CaptureAsync(Request(order, TestCardNetwork.Approve), CancellationToken.None));
        await _gateway.RefundAsync(order, CancellationToken.None);
        _test.Clock.Advance(TimeSpan.FromMinutes(1));

        var second = Assert.IsType<PaymentOutcome.Captured>(await _gateway.CaptureAsync(Request(order, TestCardNetwork.Approve), CancellationToken.None));

        Assert.NotEqual(first.PaymentId, second.PaymentId);
        Assert.Equal(2, await _gateway.CountCapturesAsync(order, CancellationToken.None));
        Assert.True(await _gateway.RefundAsync(order, CancellationToken.None));
    }

    private OrderId NewOrder() => OrderId.New(_test.Clock.GetUtcNow());

    private static PaymentRequest Request(OrderId order, string token, int attempt = 0) => new(order, new Money(39.98m, "EUR"), token, attempt);
}
