namespace StepOrders.Orders;

/// <summary>An amount in one currency; amounts of different currencies never mix.</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    public static Money operator +(Money left, Money right)
    {
        if (!string.Equals(left.Currency, right.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot add {right.Currency} to {left.Currency}.");
        }
        return left with { Amount = left.Amount + right.Amount };
    }

    public Money Times(int quantity) => this with { Amount = Amount * quantity };

    public override string ToString() => $"{Amount:0.##} {Currency}";
}
