using System.Text.Json;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps;

/// <summary>What the failure undid.</summary>
public sealed record CompensationOutput(bool StockReleased, bool PaymentRefunded);

/// <summary>
/// FAILED: the workflow's Catch lands here. Gives back reserved stock, refunds a captured payment, and records the
/// step that failed with its error and cause. Every part is idempotent, so a retry or a redelivery changes nothing.
/// </summary>
[Function("MarkOrderFailed", FunctionTrigger.Workflow)]
public sealed class MarkOrderFailed(OrderProgress progress, IInventory inventory, IPaymentGateway payments)
    : WorkflowStep<MarkOrderFailedInput, CompensationOutput>(StepJson.Default.MarkOrderFailedInput, StepJson.Default.CompensationOutput)
{
    public override async Task<StepOutcome<CompensationOutput>> HandleAsync(MarkOrderFailedInput input, CancellationToken cancellationToken)
    {
        if (!OrderId.TryParse(input.OrderId, out var id))
        {
            return new StepError(OrderErrors.Invalid, $"'{input.OrderId}' is not an order id.");
        }
        if (await progress.FindAsync(id, cancellationToken) is { Status: OrderStatus.Completed })
        {
            // CompleteOrder wrote COMPLETED and then failed for good (its answer lost past every retry): the goods
            // are on their way, so neither the stock nor the payment may be given back.
            return new StepError(OrderErrors.IllegalTransition, $"Order {id} is COMPLETED; it cannot fail.");
        }
        var released = await inventory.ReleaseAsync(id, cancellationToken);
        var refunded = await payments.RefundAsync(id, cancellationToken);
        var caught = input.Caught();
        var error = string.IsNullOrEmpty(caught.Error) ? "States.Unknown" : caught.Error;
        var cause = ReadableCause(caught.Cause);

        var moved = await progress.AdvanceAsync(input.OrderId, OrderStatus.Failed, order =>
        {
            var step = FailedStep(order.Status);
            var detail = $"{step} failed with {error}: {cause}{Compensation(released, refunded)}";
            return (detail, new OrderFailure(step, error, cause));
        }, cancellationToken);

        return moved.Error is { } failure
            ? failure
            : StepOutcome<CompensationOutput>.Succeeded(new CompensationOutput(released, refunded));
    }

    /// <summary>Each step first moves the order to its status, so the status tells which step failed; a PENDING order failed in the first step.</summary>
    private static string FailedStep(OrderStatus status) =>
        status == OrderStatus.Pending ? OrderStatus.Validating.StepName() : status.StepName();

    /// <summary>
    /// On AWS the caught cause of a Lambda error is the function's whole error document
    /// (<c>{"errorMessage","errorType","stackTrace"}</c>); the order keeps its message, as it does locally.
    /// </summary>
    private static string ReadableCause(string? cause)
    {
        if (cause is null || !cause.StartsWith('{'))
        {
            return cause ?? "";
        }
        try
        {
            using var document = JsonDocument.Parse(cause);
            return document.RootElement.TryGetProperty("errorMessage", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()!
                : cause;
        }
        catch (JsonException)
        {
            return cause;
        }
    }

    private static string Compensation(bool released, bool refunded) => (released, refunded) switch
    {
        (true, true) => " Stock released; payment refunded.",
        (true, false) => " Stock released.",
        (false, true) => " Payment refunded.",
        _ => "",
    };
}
