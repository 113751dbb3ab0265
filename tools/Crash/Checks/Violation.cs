namespace StepOrders.Crash.Checks;

/// <summary>One broken promise: which invariant, and the order or execution it was found on.</summary>
internal sealed record Violation(string Invariant, string Detail)
{
    public override string ToString() => $"{Invariant}: {Detail}";
}
