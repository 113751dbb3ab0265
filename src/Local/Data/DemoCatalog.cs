namespace StepOrders.Local.Data;

/// <summary>
/// The stock a new data folder starts with: <c>SKU-1</c>…<c>SKU-9</c> with more units than any benchmark orders,
/// and <c>SKU-OUT</c> with none, to show an order failing with <c>Order.OutOfStock</c>.
/// </summary>
internal static class DemoCatalog
{
    public const string OutOfStockSku = "SKU-OUT";
    public const int UnitsPerSku = 1_000_000_000;

    public static IEnumerable<(string Sku, int Available)> Stock()
    {
        for (var i = 1; i <= 9; i++)
        {
            yield return ($"SKU-{i}", UnitsPerSku);
        }
        yield return (OutOfStockSku, 0);
    }
}
