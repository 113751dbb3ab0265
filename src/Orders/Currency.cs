using System.Collections.Frozen;

namespace StepOrders.Orders;

/// <summary>An ISO 4217 currency a shop can sell in, with its number of minor-unit digits.</summary>
public sealed record Currency(string Code, int MinorUnits)
{
    private static readonly FrozenDictionary<string, Currency> Known = new Currency[]
    {
        new("AUD", 2), new("BRL", 2), new("CAD", 2), new("CHF", 2), new("CNY", 2), new("CZK", 2),
        new("DKK", 2), new("EUR", 2), new("GBP", 2), new("HKD", 2), new("HUF", 2), new("INR", 2),
        new("JPY", 0), new("KRW", 0), new("MXN", 2), new("NOK", 2), new("NZD", 2), new("PLN", 2),
        new("SEK", 2), new("SGD", 2), new("USD", 2), new("ZAR", 2), new("BHD", 3), new("KWD", 3),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    public static bool TryFind(string? code, out Currency currency)
    {
        currency = null!;
        return code is not null && Known.TryGetValue(code, out currency!);
    }

    /// <summary>True when <paramref name="amount"/> needs no more digits than the currency has (no 0.001 EUR).</summary>
    public bool Fits(decimal amount) => decimal.Round(amount, MinorUnits) == amount;

    public override string ToString() => Code;
}
