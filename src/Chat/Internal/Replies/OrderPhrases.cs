using System.Globalization;
using StepOrders.Orders;

namespace StepOrders.Chat.Internal.Replies;

/// <summary>The words templates and the model's context use for an order's facts, so both say the same thing.</summary>
internal static class OrderPhrases
{
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "received and waiting to be processed",
        OrderStatus.Validating => "being checked",
        OrderStatus.InventoryCheck => "having its items reserved",
        OrderStatus.PaymentProcessing => "waiting for its payment to go through",
        OrderStatus.Fulfillment => "being prepared for shipping",
        OrderStatus.Completed => "complete",
        OrderStatus.Failed => "failed",
        _ => status.ToWireName(),
    };

    /// <summary>The step as a customer would name it, with the workflow's own name after it.</summary>
    public static string Step(string step)
    {
        var plain = step switch
        {
            "ValidateOrder" => "validation",
            "CheckInventory" => "stock check",
            "ProcessPayment" => "payment",
            "PrepareFulfillment" => "fulfillment",
            "CompleteOrder" => "completion",
            _ => null,
        };
        return plain is null ? $"the {step} step" : $"the {plain} step ({step})";
    }

    public static string Reason(OrderFailure failure) => failure.Error switch
    {
        OrderErrors.PaymentDeclined => "the payment was declined",
        OrderErrors.OutOfStock => "an item was out of stock",
        OrderErrors.Invalid => "the order did not pass validation",
        _ => "an unexpected error stopped it",
    };

    public static string Advice(OrderFailure failure) => failure.Error switch
    {
        OrderErrors.PaymentDeclined => "You can place the order again with another payment method.",
        OrderErrors.OutOfStock => "You can order again when the item is back in stock, or without it.",
        OrderErrors.Invalid => "Please check the order's details and place it again.",
        _ => "Please contact support if you would like us to try it again.",
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The total with as many decimals as its currency has (59.90 EUR, 5900 JPY).</summary>
    public static string Total(Order order)
    {
        var digits = Currency.TryFind(order.Currency, out var currency) ? currency.MinorUnits : 2;
        return order.Total.Amount.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + order.Currency;
    }

    public static string Items(Order order)
    {
        var shown = order.Lines.Take(3).Select(line => $"{line.Quantity} × {line.Sku}").ToList();
        var more = order.Lines.Count - shown.Count;
        return string.Join(", ", shown) + (more > 0 ? $" and {more} more" : "");
    }

    public static string ItemCount(Order order)
    {
        var count = order.Lines.Sum(line => line.Quantity);
        return count == 1 ? "1 item" : $"{count} items";
    }

    /// <summary>
    /// When the order should ship: a completed order has been handed over; one in fulfillment ships within
    /// <paramref name="dispatchDays"/> days of entering it; earlier ones once payment and stock are confirmed.
    /// </summary>
    public static string Shipping(Order order, int dispatchDays)
    {
        var days = dispatchDays == 1 ? "1 day" : $"{dispatchDays} days";
        switch (order.Status)
        {
            case OrderStatus.Completed:
                return $"It was completed on {Time(order.UpdatedAt)} and has been handed over for shipping.";
            case OrderStatus.Fulfillment:
                var since = order.History.LastOrDefault(change => change.Status == OrderStatus.Fulfillment)?.At ?? order.UpdatedAt;
                return $"It has been in fulfillment since {Time(since)} and should ship by {Date(since.AddDays(dispatchDays))}.";
            case OrderStatus.Failed:
                return "It will not ship because it failed.";
            default:
                return $"It will ship about {days} after payment and stock are confirmed and it enters fulfillment.";
        }
    }
}
