using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.Contracts;

/// <summary>What every <see cref="IPaymentGateway"/> does: the test card network's answers, idempotent by order id. One derived class per backend.</summary>
public abstract class PaymentGatewayContract : IAsyncLifetime
{
    private static readonly Money Total = new(44.99m, "EUR");

    protected IPaymentGateway Payments { get; private set; } = null!;

    protected abstract Task<IPaymentGateway> CreateGatewayAsync();

    public async Task InitializeAsync() => Payments = await CreateGatewayAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_approved_capture_takes_the_amount_once()
    {
        var order = NewOrder();

        var outcome = Assert.IsType<PaymentOutcome.Captured>(await CaptureAsync(order, TestCardNetwork.Approve, attempt: 0));

        Assert.Equal(Total, outcome.Amount);
        Assert.False(string.IsNullOrEmpty(outcome.PaymentId));
        Assert.Equal(1, await Payments.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task A_retried_capture_returns_the_first_capture_without_charging_again()
    {
        var order = NewOrder();
        var first = await CaptureAsync(order, TestCardNetwork.Approve, attempt: 0);

        var retried = await CaptureAsync(order, TestCardNetwork.Approve, attempt: 1);

        Assert.Equal(first, retried);
        Assert.Equal(1, await Payments.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task A_declined_card_is_declined_and_charged_nothing()
    {
        var order = NewOrder();

        Assert.IsType<PaymentOutcome.Declined>(await CaptureAsync(order, TestCardNetwork.Decline, attempt: 0));
        Assert.Equal(0, await Payments.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task The_flaky_card_is_unavailable_twice_then_captures()
    {
        var order = NewOrder();

        Assert.IsType<PaymentOutcome.Unavailable>(await CaptureAsync(order, TestCardNetwork.Flaky, attempt: 0));
        Assert.IsType<PaymentOutcome.Unavailable>(await CaptureAsync(order, TestCardNetwork.Flaky, attempt: 1));
        Assert.IsType<PaymentOutcome.Captured>(await CaptureAsync(order, TestCardNetwork.Flaky, attempt: 2));
        Assert.Equal(1, await Payments.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_captures_for_one_order_charge_once()
    {
        var order = NewOrder();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => CaptureAsync(order, TestCardNetwork.Approve, i)));

        Assert.Single(outcomes.Distinct());
        Assert.IsType<PaymentOutcome.Captured>(outcomes[0]);
        Assert.Equal(1, await Payments.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task A_capture_is_refunded_once()
    {
        var order = NewOrder();
        await CaptureAsync(order, TestCardNetwork.Approve, attempt: 0);

        Assert.True(await Payments.RefundAsync(order, CancellationToken.None));
        Assert.False(await Payments.RefundAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task An_order_without_a_capture_has_nothing_to_refund()
    {
        var order = NewOrder();

        Assert.False(await Payments.RefundAsync(order, CancellationToken.None));
        Assert.Equal(0, await Payments.CountCapturesAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task Captures_of_different_orders_are_separate()
    {
        var first = Assert.IsType<PaymentOutcome.Captured>(await CaptureAsync(NewOrder(), TestCardNetwork.Approve, 0));
        var second = Assert.IsType<PaymentOutcome.Captured>(await CaptureAsync(NewOrder(), TestCardNetwork.Approve, 0));

        Assert.NotEqual(first.PaymentId, second.PaymentId);
    }

    private static OrderId NewOrder() => OrderId.New(OrderSamples.Start);

    private Task<PaymentOutcome> CaptureAsync(OrderId order, string token, int attempt) =>
        Payments.CaptureAsync(new PaymentRequest(order, Total, token, attempt), CancellationToken.None);
}
