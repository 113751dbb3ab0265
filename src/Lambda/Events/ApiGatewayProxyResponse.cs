using System.Text.Json.Serialization;

namespace StepOrders.Lambda.Events;

/// <summary>
/// What a proxy integration answers (API Gateway: output format of a Lambda function for proxy integration).
/// A header with one value goes in <see cref="Headers"/>, one with several (<c>Set-Cookie</c>, say) in
/// <see cref="MultiValueHeaders"/>; API Gateway merges the two. A body that is not text is base64.
/// </summary>
internal sealed record ApiGatewayProxyResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonPropertyName("multiValueHeaders")] IReadOnlyDictionary<string, IReadOnlyList<string>> MultiValueHeaders,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("isBase64Encoded")] bool IsBase64Encoded);
