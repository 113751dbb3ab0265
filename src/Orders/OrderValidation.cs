namespace StepOrders.Orders;

/// <summary>The outcome of checking a <see cref="PlaceOrder"/> request: a draft, or the broken rules.</summary>
public sealed record OrderValidation(OrderDraft? Draft, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Draft is not null;

    public static OrderValidation Accepted(OrderDraft draft) => new(draft, []);

    public static OrderValidation Rejected(IReadOnlyList<FieldError> errors) => new(null, errors);
}
