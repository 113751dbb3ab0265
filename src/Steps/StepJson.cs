using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepOrders.Steps;

/// <summary>Source-generated JSON for every step's input and output, camelCase as the workflow passes them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OrderStepInput))]
[JsonSerializable(typeof(PaymentStepInput))]
[JsonSerializable(typeof(MarkOrderFailedInput))]
[JsonSerializable(typeof(ValidationOutput))]
[JsonSerializable(typeof(ReservationOutput))]
[JsonSerializable(typeof(PaymentOutput))]
[JsonSerializable(typeof(FulfillmentOutput))]
[JsonSerializable(typeof(CompletionOutput))]
[JsonSerializable(typeof(CompensationOutput))]
[JsonSerializable(typeof(Orders.OrderQueued))]
[JsonSerializable(typeof(Orders.OrderWorkflowInput))]
public sealed partial class StepJson : JsonSerializerContext;
