using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace StepOrders.Api.OpenApi;

/// <summary>Request and response examples of the operations a client starts with, by endpoint name.</summary>
internal sealed class ApiExamples : IOpenApiOperationTransformer
{
    private const string Order = """
        {"orderId":"ord_01JQ8Z6M4W6X2Y3Z4A5B6C7D8E","customerId":"cust-42","status":"PENDING",
         "items":[{"sku":"SKU-1","quantity":2,"unitPrice":19.99}],"total":39.98,"currency":"EUR",
         "shippingAddress":{"name":"Ada Lovelace","line1":"1 Analytical Way","city":"London","postalCode":"N1 9GU","country":"GB"},
         "createdAt":"2026-03-01T12:00:00+00:00","updatedAt":"2026-03-01T12:00:00+00:00",
         "history":[{"status":"PENDING","at":"2026-03-01T12:00:00+00:00","detail":"Order received."}],
         "execution":{"name":"ord_01JQ8Z6M4W6X2Y3Z4A5B6C7D8E","status":"RUNNING"}}
        """;

    private static readonly Dictionary<string, (string? Request, string Status, string Response)> Examples = new(StringComparer.Ordinal)
    {
        ["PlaceOrder"] = ("""
            {"customerId":"cust-42","items":[{"sku":"SKU-1","quantity":2,"unitPrice":19.99}],"currency":"EUR",
             "shippingAddress":{"name":"Ada Lovelace","line1":"1 Analytical Way","city":"London","postalCode":"N1 9GU","country":"GB"},
             "paymentToken":"tok_approve"}
            """, "201", Order),
        ["GetOrder"] = (null, "200", Order),
        ["AskChatbot"] = ("""{"message":"Where is my order?","conversationId":null}""", "200", """
            {"reply":"Your order ord_01JQ8Z6M4W6X2Y3Z4A5B6C7D8E is being prepared for shipping.",
             "orderIds":["ord_01JQ8Z6M4W6X2Y3Z4A5B6C7D8E"],"source":"template","conversationId":"conv_3k9x"}
            """),
    };

    private const string Invalid = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,
         "detail":"The request has invalid fields; each is listed under errors.","errors":{"items[0].quantity":["must be between 1 and 1000."]},
         "traceId":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}
        """;

    private const string Throttled = """
        {"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too Many Requests","status":429,
         "detail":"Too many requests: this API key may send 100 a second, in bursts of up to 200.",
         "traceId":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}
        """;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName is { } name
            && Examples.TryGetValue(name, out var example))
        {
            if (example.Request is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true)
            {
                request.Example = JsonNode.Parse(example.Request);
            }
            if (operation.Responses?.TryGetValue(example.Status, out var response) == true && response.Content?.TryGetValue("application/json", out var body) == true)
            {
                body.Example = JsonNode.Parse(example.Response);
            }
        }
        SetProblemExample(operation, "400", Invalid);
        SetProblemExample(operation, "429", Throttled);
        return Task.CompletedTask;
    }

    private static void SetProblemExample(OpenApiOperation operation, string status, string example)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true
            && response.Content?.TryGetValue("application/problem+json", out var problem) == true)
        {
            problem.Example = JsonNode.Parse(example);
        }
    }
}
