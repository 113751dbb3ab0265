using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps;

/// <summary>
/// The workflow's <c>OrderFailed</c> state: it ends a failed order's execution, and it is where RedriveExecution
/// resumes it (Step Functions resumes at the state that failed). While the order is FAILED it fails with the order's
/// error and cause, so the execution fails as the order did. Once an admin redrive has reopened the order
/// (FAILED → PENDING, after its cause was fixed) it succeeds with just the order id, and the workflow goes round
/// again from its first step. A Fail state there would make every redrive fail again.
/// </summary>
[Function("AwaitRedrive", FunctionTrigger.Workflow)]
public sealed class AwaitRedrive(IOrderStore store)
    : WorkflowStep<MarkOrderFailedInput, OrderStepInput>(StepJson.Default.MarkOrderFailedInput, StepJson.Default.OrderStepInput)
{
    public override async Task<StepOutcome<OrderStepInput>> HandleAsync(MarkOrderFailedInput input, CancellationToken cancellationToken)
    {
        if (!OrderId.TryParse(input.OrderId, out var id))
        {
            return new StepError(OrderErrors.Invalid, $"'{input.OrderId}' is not an order id.");
        }
        var order = await store.GetAsync(id, cancellationToken);
        if (order is { Status: OrderStatus.Pending })
        {
            return StepOutcome<OrderStepInput>.Succeeded(new OrderStepInput(order.Id.Value));
        }
        var caught = input.Caught();
        return new StepError(
            caught.Error ?? order?.Failure?.Error ?? OrderErrors.NotFound,
            caught.Cause ?? order?.Failure?.Cause ?? $"Order {input.OrderId} does not exist.");
    }
}
