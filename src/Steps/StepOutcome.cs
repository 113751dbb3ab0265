namespace StepOrders.Steps;

/// <summary>A step's result: its output, or a named error for the workflow's Retry and Catch to match.</summary>
public sealed record StepOutcome<TOutput>(TOutput? Output, StepError? Error)
{
    public static implicit operator StepOutcome<TOutput>(StepError error) => new(default, error);

    public static StepOutcome<TOutput> Succeeded(TOutput output) => new(output, null);
}

/// <summary>A named error (e.g. <c>Order.OutOfStock</c>) and a cause a person can read.</summary>
public sealed record StepError(string Error, string Cause);
