namespace StepOrders.Orders.Ports;

/// <summary>Takes the customer's money. Captures and refunds are idempotent by order id: a retried step never charges twice.</summary>
public interface IPaymentGateway
{
    Task<PaymentOutcome> CaptureAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds an order's capture; true if there was a capture to refund (a second call refunds nothing).</summary>
    Task<bool> RefundAsync(OrderId orderId, CancellationToken cancellationToken);

    /// <summary>How many times money was captured for the order (0 or 1 when all is well).</summary>
    Task<int> CountCapturesAsync(OrderId orderId, CancellationToken cancellationToken);
}
