namespace StepOrders.Orders;

/// <summary>
/// The named errors a step raises. The workflow definition retries <see cref="Transient"/> and catches the rest;
/// the names are part of the ASL contract, so they never change.
/// </summary>
public static class OrderErrors
{
    public const string Invalid = "Order.Invalid";
    public const string OutOfStock = "Order.OutOfStock";
    public const string PaymentDeclined = "Order.PaymentDeclined";
    public const string Transient = "Order.Transient";
    public const string NotFound = "Order.NotFound";
    public const string IllegalTransition = "Order.IllegalTransition";
}
