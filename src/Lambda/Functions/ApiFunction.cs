using System.Text.Json;
using StepOrders.Lambda.ApiGateway;
using StepOrders.Lambda.Runtime;

namespace StepOrders.Lambda.Functions;

/// <summary>The API behind API Gateway's proxy integration: a REST API proxy event in, the pipeline's response out.</summary>
internal sealed class ApiFunction(ApiGatewayServer server) : ILambdaFunction
{
    public async Task<FunctionResult> InvokeAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        Events.ApiGatewayProxyRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(invocation.Payload.Span, LambdaJson.Default.ApiGatewayProxyRequest);
        }
        catch (JsonException e)
        {
            return new FunctionError(RuntimeErrors.InvalidEvent, $"The event is not an API Gateway proxy event: {e.Message}");
        }
        if (request is not { HttpMethod.Length: > 0, Path: ['/', ..] })
        {
            return new FunctionError(RuntimeErrors.InvalidEvent, "The event has no httpMethod and path: it is not an API Gateway proxy event.");
        }
        var response = await server.HandleAsync(request, cancellationToken);
        return FunctionResult.Respond(JsonSerializer.SerializeToUtf8Bytes(response, LambdaJson.Default.ApiGatewayProxyResponse));
    }
}
