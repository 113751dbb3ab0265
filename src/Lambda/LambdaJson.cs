using System.Text.Json.Serialization;
using StepOrders.Lambda.Events;
using StepOrders.Lambda.Functions;
using StepOrders.Lambda.Runtime;

namespace StepOrders.Lambda;

/// <summary>Source-generated JSON for the runtime API's documents and the events of each trigger.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FunctionError))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
[JsonSerializable(typeof(ReconcileResult))]
[JsonSerializable(typeof(ApiGatewayProxyRequest))]
[JsonSerializable(typeof(ApiGatewayProxyResponse))]
internal sealed partial class LambdaJson : JsonSerializerContext;
