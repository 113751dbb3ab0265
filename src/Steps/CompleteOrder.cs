using StepOrders.Orders;

namespace StepOrders.Steps;

/// <summary>The order's final status.</summary>
public sealed record CompletionOutput(string Status);

/// <summary>COMPLETED: the order is done.</summary>
[Function("CompleteOrder", FunctionTrigger.Workflow)]
public sealed class CompleteOrder(OrderProgress progress)
    : WorkflowStep<OrderStepInput, CompletionOutput>(StepJson.Default.OrderStepInput, StepJson.Default.CompletionOutput)
{
    public override async Task<StepOutcome<CompletionOutput>> HandleAsync(OrderStepInput input, CancellationToken cancellationToken)
    {
        var moved = await progress.AdvanceAsync(input.OrderId, OrderStatus.Completed, "Order completed.", cancellationToken);
        return moved.Error is { } error
            ? error
            : StepOutcome<CompletionOutput>.Succeeded(new CompletionOutput(OrderStatus.Completed.ToWireName()));
    }
}
