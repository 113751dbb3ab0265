using System.Text.Json.Serialization;

namespace StepOrders.Lambda.Events;

/// <summary>
/// The event a REST API's Lambda proxy integration sends (API Gateway: input format of a Lambda function for proxy
/// integration). <see cref="Path"/> is the request path without the stage; the multi-value maps carry every value
/// of a repeated header or query parameter, the single-value maps only the last, so the multi-value ones are read
/// first. Query values arrive decoded.
/// </summary>
internal sealed record ApiGatewayProxyRequest(
    [property: JsonPropertyName("resource")] string? Resource,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("httpMethod")] string? HttpMethod,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string?>? Headers,
    [property: JsonPropertyName("multiValueHeaders")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? MultiValueHeaders,
    [property: JsonPropertyName("queryStringParameters")] IReadOnlyDictionary<string, string?>? QueryStringParameters,
    [property: JsonPropertyName("multiValueQueryStringParameters")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? MultiValueQueryStringParameters,
    [property: JsonPropertyName("pathParameters")] IReadOnlyDictionary<string, string?>? PathParameters,
    [property: JsonPropertyName("requestContext")] ApiGatewayRequestContext? RequestContext,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("isBase64Encoded")] bool IsBase64Encoded);

internal sealed record ApiGatewayRequestContext(
    [property: JsonPropertyName("requestId")] string? RequestId,
    [property: JsonPropertyName("stage")] string? Stage,
    [property: JsonPropertyName("protocol")] string? Protocol,
    [property: JsonPropertyName("identity")] ApiGatewayIdentity? Identity);

/// <summary>Who called: for a method that requires an API key, the key API Gateway checked (its id and its value).</summary>
internal sealed record ApiGatewayIdentity(
    [property: JsonPropertyName("apiKey")] string? ApiKey,
    [property: JsonPropertyName("apiKeyId")] string? ApiKeyId,
    [property: JsonPropertyName("sourceIp")] string? SourceIp,
    [property: JsonPropertyName("userAgent")] string? UserAgent);
