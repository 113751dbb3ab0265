using System.Text.Json.Nodes;

namespace StepOrders.Lambda.Tests.ApiGateway;

/// <summary>
/// REST API proxy events shaped as AWS documents them (API Gateway developer guide: input format of a Lambda
/// function for proxy integration), kept in <c>Events/</c>, and the proxy responses the function answers with.
/// </summary>
internal static class ProxyEvents
{
    public static JsonObject Read(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ApiGateway", "Events", name)))!.AsObject();

    public static JsonObject PostOrders() => Read("post-orders.json");

    /// <summary>The documented GET of one order, for <paramref name="orderId"/> when given.</summary>
    public static JsonObject GetOrder(string? orderId = null)
    {
        var request = Read("get-order.json");
        if (orderId is not null)
        {
            request["path"] = $"/orders/{orderId}";
            request["pathParameters"]!["proxy"] = $"orders/{orderId}";
        }
        return request;
    }
}

/// <summary>A proxy integration's answer: <c>{statusCode, headers, multiValueHeaders, body, isBase64Encoded}</c>.</summary>
internal sealed record ProxyAnswer(JsonNode Json)
{
    public int StatusCode => (int)Json["statusCode"]!;

    public string? Header(string name) => (string?)Json["headers"]![name];

    public bool IsBase64Encoded => (bool)Json["isBase64Encoded"]!;

    public JsonNode Body => JsonNode.Parse((string)Json["body"]!)!;
}
