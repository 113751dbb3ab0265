using System.Text.Json.Serialization;

namespace StepOrders.Orders;

/// <summary>Where an order is in its life; each non-final status is one step of the order workflow.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    [JsonStringEnumMemberName("PENDING")] Pending,
    [JsonStringEnumMemberName("VALIDATING")] Validating,
    [JsonStringEnumMemberName("INVENTORY_CHECK")] InventoryCheck,
    [JsonStringEnumMemberName("PAYMENT_PROCESSING")] PaymentProcessing,
    [JsonStringEnumMemberName("FULFILLMENT")] Fulfillment,
    [JsonStringEnumMemberName("COMPLETED")] Completed,
    [JsonStringEnumMemberName("FAILED")] Failed,
}
