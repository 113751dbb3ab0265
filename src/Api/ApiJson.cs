using System.Text.Json;
using System.Text.Json.Serialization;
using StepOrders.Api.Admin;
using StepOrders.Api.Chatbot;
using StepOrders.Api.Customers;
using StepOrders.Api.Orders;
using StepOrders.Chat;
using StepOrders.Orders;

namespace StepOrders.Api;

/// <summary>
/// Source-generated JSON for every request and response. Numbers must be JSON numbers (no "2" for 2) and nesting is
/// shallow, so odd bodies fail fast as a 400. Fields a request type does not have are ignored, for every request alike:
/// the request types hold only what a client may set, so an order's <c>status</c>, <c>total</c> or <c>orderId</c> sent
/// with it can change nothing (OWASP API3:2023, mass assignment), and a client that sends more stays compatible.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = MaxDepth)]
[JsonSerializable(typeof(PlaceOrder))]
[JsonSerializable(typeof(OrderResponse))]
[JsonSerializable(typeof(CustomerOrdersResponse))]
[JsonSerializable(typeof(OrderListResponse))]
[JsonSerializable(typeof(DeadLettersResponse))]
[JsonSerializable(typeof(DeadLetterRedriveRequest))]
[JsonSerializable(typeof(DeadLetterRedriveResponse))]
[JsonSerializable(typeof(ExecutionRedriveResponse))]
[JsonSerializable(typeof(StockRequest))]
[JsonSerializable(typeof(StockResponse))]
[JsonSerializable(typeof(Health.HealthResponse))]
[JsonSerializable(typeof(ChatbotRequest))]
[JsonSerializable(typeof(ChatAnswer))]
public sealed partial class ApiJson : JsonSerializerContext
{
    public const int MaxDepth = 16;
}
