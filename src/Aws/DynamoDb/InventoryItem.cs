namespace StepOrders.Aws.DynamoDb;

/// <summary>Attribute names of the inventory table and of an order's reservation item.</summary>
internal static class InventoryItem
{
    public const string Sku = "sku";
    public const string Available = "available";

    /// <summary>The reservations (by reservation id) that hold stock of this SKU right now.</summary>
    public const string Holders = "holders";

    public const string ReservationSk = "RESERVATION";
    public const string ReservationId = "reservationId";
    public const string State = "state";
    public const string Lines = "lines";
    public const string Units = "units";

    /// <summary>Stock is being taken SKU by SKU (or the taking crashed; the next call resumes it).</summary>
    public const string Reserving = "RESERVING";

    public const string Reserved = "RESERVED";
}
