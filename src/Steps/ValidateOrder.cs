using StepOrders.Orders;

namespace StepOrders.Steps;

/// <summary>What validation found: the order's total.</summary>
public sealed record ValidationOutput(decimal Total, string Currency);

/// <summary>
/// VALIDATING: checks what the API cannot check alone before any side effect, such as the limit on one order's total.
/// </summary>
[Function("ValidateOrder", FunctionTrigger.Workflow)]
public sealed class ValidateOrder(OrderProgress progress)
    : WorkflowStep<OrderStepInput, ValidationOutput>(StepJson.Default.OrderStepInput, StepJson.Default.ValidationOutput)
{
    /// <summary>The largest total one order may have; larger orders go through the shop's sales team.</summary>
    public const decimal MaxOrderTotal = 100_000m;

    public override async Task<StepOutcome<ValidationOutput>> HandleAsync(OrderStepInput input, CancellationToken cancellationToken)
    {
        var moved = await progress.AdvanceAsync(input.OrderId, OrderStatus.Validating, "Validating the order.", cancellationToken);
        if (moved.Error is { } error)
        {
            return error;
        }
        var total = moved.Order!.Total;
        if (total.Amount > MaxOrderTotal)
        {
            return new StepError(OrderErrors.Invalid, $"The order's total {total} is over the limit of {MaxOrderTotal:0.##} for one order.");
        }
        return StepOutcome<ValidationOutput>.Succeeded(new ValidationOutput(total.Amount, total.Currency));
    }
}
