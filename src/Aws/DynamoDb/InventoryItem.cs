namespace StepOrders.Aws.DynamoDb;

/// <summary>Attribute names of the inventory table and of an order's reservation item.</summary>
internal static class InventoryItem
{
    public const string Sku = "sku";
    public const string Available = "available";

    /// <summary>
    /// The reservations (by reservation id) that hold stock of this SKU right now: an id is added when the SKU is taken
    /// and removed when the reservation is released or settled, so only reservations in flight are here.
    /// </summary>
    public const string Holders = "holders";

    public const string ReservationSk = "RESERVATION";
    public const string ReservationId = "reservationId";
    public const string State = "state";
    public const string Lines = "lines";
    public const string Units = "units";

    /// <summary>Stock is being taken SKU by SKU (or the taking crashed; the next call resumes it).</summary>
    public const string Reserving = "RESERVING";

    public const string Reserved = "RESERVED";

    /// <summary>The stock left with the order: the id is being dropped from each SKU's holders (or that was cut short).</summary>
    public const string Settling = "SETTLING";

    /// <summary>Settled: no SKU holds the id any more, and the units stay taken. Kept so a late reserve takes nothing again.</summary>
    public const string Settled = "SETTLED";

    /// <summary>Being given back SKU by SKU, then deleted (or the giving back was cut short; the next call resumes it).</summary>
    public const string Releasing = "RELEASING";
}
