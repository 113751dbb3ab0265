using StepOrders.Orders;

namespace StepOrders.Steps;

/// <summary>The shipment prepared for the order.</summary>
public sealed record FulfillmentOutput(string ShipmentId);

/// <summary>FULFILLMENT: prepares the shipment from the reserved stock; the shipment id derives from the order id, so it is the same on every run.</summary>
[Function("PrepareFulfillment", FunctionTrigger.Workflow)]
public sealed class PrepareFulfillment(OrderProgress progress)
    : WorkflowStep<OrderStepInput, FulfillmentOutput>(StepJson.Default.OrderStepInput, StepJson.Default.FulfillmentOutput)
{
    public override async Task<StepOutcome<FulfillmentOutput>> HandleAsync(OrderStepInput input, CancellationToken cancellationToken)
    {
        var moved = await progress.AdvanceAsync(input.OrderId, OrderStatus.Fulfillment, "Preparing the shipment.", cancellationToken);
        if (moved.Error is { } error)
        {
            return error;
        }
        var shipmentId = "shp_" + moved.Order!.Id.Value["ord_".Length..];
        return StepOutcome<FulfillmentOutput>.Succeeded(new FulfillmentOutput(shipmentId));
    }
}
