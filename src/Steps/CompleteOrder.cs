using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps;

/// <summary>The order's final status.</summary>
public sealed record CompletionOutput(string Status);

/// <summary>COMPLETED: the order is done, and the stock reserved for it, gone with it, is settled.</summary>
/// <remarks>
/// Settles first, then writes COMPLETED, so a COMPLETED order's reservation is settled at every instant: if this
/// step still fails for good afterwards (timed out after the write, say), the Catch's MarkOrderFailed releases
/// nothing of it. Written the other way round, such a failure would give a COMPLETED order's stock back. The price:
/// if the COMPLETED write itself fails for good, the order fails with its stock settled, units lost to the shelf
/// rather than sold twice. A retry settles again, which changes nothing, and finds the order COMPLETED already
/// (<see cref="OrderProgress"/> answers with the order when it is there). An order with no reservation to settle had
/// its stock given back (it is failing) or never reserved it, and must not complete.
/// </remarks>
[Function("CompleteOrder", FunctionTrigger.Workflow)]
public sealed class CompleteOrder(OrderProgress progress, IInventory inventory)
    : WorkflowStep<OrderStepInput, CompletionOutput>(StepJson.Default.OrderStepInput, StepJson.Default.CompletionOutput)
{
    public override async Task<StepOutcome<CompletionOutput>> HandleAsync(OrderStepInput input, CancellationToken cancellationToken)
    {
        if (!OrderId.TryParse(input.OrderId, out var id))
        {
            return new StepError(OrderErrors.Invalid, $"'{input.OrderId}' is not an order id.");
        }
        if (!await inventory.SettleAsync(id, cancellationToken))
        {
            return new StepError(OrderErrors.IllegalTransition, $"Order {id} holds no reserved stock to complete: it was released or never reserved.");
        }
        var moved = await progress.AdvanceAsync(input.OrderId, OrderStatus.Completed, "Order completed.", cancellationToken);
        return moved.Error is { } error
            ? error
            : StepOutcome<CompletionOutput>.Succeeded(new CompletionOutput(OrderStatus.Completed.ToWireName()));
    }
}
