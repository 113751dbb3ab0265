using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepOrders.Local.Orders;

/// <summary>An order line as the orders table keeps it, in the <c>lines</c> JSON column.</summary>
internal sealed record StoredLine(string Sku, int Quantity, decimal UnitPrice);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredLine[]))]
[JsonSerializable(typeof(StepOrders.Orders.ShippingAddress))]
internal sealed partial class StoredOrderJson : JsonSerializerContext;
