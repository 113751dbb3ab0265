namespace StepOrders.Orders;

/// <summary>The allowed status changes and the names the statuses have on the wire and in the workflow.</summary>
public static class OrderLifecycle
{
    private static readonly string[] WireNames =
        ["PENDING", "VALIDATING", "INVENTORY_CHECK", "PAYMENT_PROCESSING", "FULFILLMENT", "COMPLETED", "FAILED"];

    private static readonly string[] StepNames =
        ["StartOrderWorkflow", "ValidateOrder", "CheckInventory", "ProcessPayment", "PrepareFulfillment", "CompleteOrder", "MarkOrderFailed"];

    public static IReadOnlyList<OrderStatus> All { get; } = Enum.GetValues<OrderStatus>();

    public static bool IsFinal(this OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Failed;

    /// <summary>
    /// The happy path moves one status forward; any unfinished order may fail; a failed order may go back to
    /// PENDING when it is redriven after its cause was fixed.
    /// </summary>
    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Failed, OrderStatus.Pending) => true,
        (_, OrderStatus.Failed) => !from.IsFinal(),
        _ => !from.IsFinal() && to == from + 1,
    };

    public static string ToWireName(this OrderStatus status) => WireNames[(int)status];

    public static bool TryParseWireName(string? text, out OrderStatus status)
    {
        var index = Array.IndexOf(WireNames, text);
        status = index < 0 ? default : (OrderStatus)index;
        return index >= 0;
    }

    /// <summary>The workflow step that sets this status, e.g. <c>CheckInventory</c> for INVENTORY_CHECK.</summary>
    public static string StepName(this OrderStatus status) => StepNames[(int)status];
}
