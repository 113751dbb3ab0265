using System.Text.Json;
using System.Text.Json.Serialization;
using StepOrders.Orders;

namespace StepOrders.Aws;

/// <summary>Source-generated JSON for the messages the adapters write: camelCase, as the steps read them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OrderQueued))]
[JsonSerializable(typeof(OrderWorkflowInput))]
[JsonSerializable(typeof(Sqs.RedrivePolicy))]
internal sealed partial class AwsJson : JsonSerializerContext;
