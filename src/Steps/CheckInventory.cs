using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps;

/// <summary>How many units were reserved for the order.</summary>
public sealed record ReservationOutput(int Units);

/// <summary>INVENTORY_CHECK: reserves stock for every line of the order at once, or fails with <c>Order.OutOfStock</c>.</summary>
[Function("CheckInventory", FunctionTrigger.Workflow)]
public sealed class CheckInventory(OrderProgress progress, IInventory inventory)
    : WorkflowStep<OrderStepInput, ReservationOutput>(StepJson.Default.OrderStepInput, StepJson.Default.ReservationOutput)
{
    public override async Task<StepOutcome<ReservationOutput>> HandleAsync(OrderStepInput input, CancellationToken cancellationToken)
    {
        var moved = await progress.AdvanceAsync(input.OrderId, OrderStatus.InventoryCheck, "Reserving stock.", cancellationToken);
        if (moved.Error is { } error)
        {
            return error;
        }
        var order = moved.Order!;
        return await inventory.ReserveAsync(order.Id, order.Lines, cancellationToken) switch
        {
            ReservationOutcome.Reserved reserved => StepOutcome<ReservationOutput>.Succeeded(new ReservationOutput(reserved.Units)),
            ReservationOutcome.OutOfStock short_ => new StepError(
                OrderErrors.OutOfStock,
                $"{short_.Sku}: {short_.Requested} requested, {short_.Available} available."),
            var other => throw new InvalidOperationException($"Unknown reservation outcome {other}."),
        };
    }
}
