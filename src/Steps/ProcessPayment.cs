using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps;

/// <summary>The captured payment.</summary>
public sealed record PaymentOutput(string PaymentId, decimal Amount, string Currency);

/// <summary>
/// PAYMENT_PROCESSING: captures the order's total. The gateway is idempotent by order id, so a retry after a lost
/// answer returns the first capture instead of charging again.
/// </summary>
[Function("ProcessPayment", FunctionTrigger.Workflow)]
public sealed class ProcessPayment(OrderProgress progress, IPaymentGateway payments)
    : WorkflowStep<PaymentStepInput, PaymentOutput>(StepJson.Default.PaymentStepInput, StepJson.Default.PaymentOutput)
{
    public override async Task<StepOutcome<PaymentOutput>> HandleAsync(PaymentStepInput input, CancellationToken cancellationToken)
    {
        var moved = await progress.AdvanceAsync(input.OrderId, OrderStatus.PaymentProcessing, "Capturing the payment.", cancellationToken);
        if (moved.Error is { } error)
        {
            return error;
        }
        var order = moved.Order!;
        var request = new PaymentRequest(order.Id, order.Total, order.PaymentToken, input.Attempt);
        return await payments.CaptureAsync(request, cancellationToken) switch
        {
            PaymentOutcome.Captured captured => StepOutcome<PaymentOutput>.Succeeded(
                new PaymentOutput(captured.PaymentId, captured.Amount.Amount, captured.Amount.Currency)),
            PaymentOutcome.Declined declined => new StepError(OrderErrors.PaymentDeclined, declined.Reason),
            PaymentOutcome.Unavailable unavailable => new StepError(OrderErrors.Transient, unavailable.Reason),
            var other => throw new InvalidOperationException($"Unknown payment outcome {other}."),
        };
    }
}
