using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace StepOrders.Api.Tests.OpenApi;

public sealed class ApiDocumentTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>Routes that are no part of the REST API, each with why it is left out of the document.</summary>
    private static readonly Dictionary<string, string> Undescribed = new(StringComparer.Ordinal)
    {
        ["/sfn"] = "the Step Functions API (AWS JSON 1.0), described by AWS",
        ["/openapi/{documentName}.json"] = "the document itself",
        ["/"] = "the console's page",
        ["/console/{**file}"] = "the console's files",
        ["/console/session"] = "the console's own call",
    };

    [Fact]
    public async Task The_document_needs_a_key()
    {
        await Problem.ReadAsync(await host.CreateClient().GetAsync("/openapi/v1.json"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_document_is_valid_openapi_3()
    {
        var json = await DocumentAsync();

        var read = OpenApiDocument.Parse(json, "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
        var document = JsonNode.Parse(json)!;
        Assert.StartsWith("3.", (string?)document["openapi"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)document["info"]?["title"]));
        Assert.False(string.IsNullOrEmpty((string?)document["info"]?["version"]));
        var paths = document["paths"]!.AsObject();
        Assert.NotEmpty(paths);
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.True(operation!["responses"]?.AsObject().Count > 0, $"{method} {path} lists no responses");
            }
        }
        foreach (var reference in References(document))
        {
            Assert.StartsWith("#/", reference, StringComparison.Ordinal);
            Assert.True(Resolve(document, reference) is not null, $"{reference} resolves to nothing");
        }
    }

    [Fact]
    public async Task Every_mapped_route_is_described_or_named_as_no_part_of_the_api()
    {
        var paths = JsonNode.Parse(await DocumentAsync())!["paths"]!.AsObject();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(routes);

        foreach (var route in routes)
        {
            var template = route.RoutePattern.RawText!;
            if (Undescribed.ContainsKey(template))
            {
                continue;
            }
            var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            Assert.NotEmpty(methods);
            var item = paths.FirstOrDefault(path => Normal(path.Key) == Normal(template)).Value;
            Assert.True(item is not null, $"{template} is not in the document");
            foreach (var method in methods)
            {
                Assert.True(item![method.ToLowerInvariant()] is not null, $"{method} {template} is not in the document");
            }
        }
    }

    [Fact]
    public async Task Operations_that_need_a_key_declare_the_api_key_scheme_and_the_front_doors_answers()
    {
        var document = JsonNode.Parse(await DocumentAsync())!;

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal(("apiKey", "header", "x-api-key"), ((string?)scheme["type"], (string?)scheme["in"], (string?)scheme["name"]));
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                if (Normal(path) == "/health")
                {
                    Assert.Null(operation["security"]);
                    continue;
                }
                Assert.True(operation["security"]?[0]?["ApiKey"] is not null, $"{method} {path} declares no key");
                Assert.True(responses.ContainsKey("401") && responses.ContainsKey("429"), $"{method} {path} lacks 401 or 429");
                Assert.NotNull(responses["429"]!["headers"]?["Retry-After"]);
            }
        }
        Assert.NotNull(document["paths"]!.AsObject().First(path => Normal(path.Key) == "/admin/dead-letters").Value!["get"]!["responses"]!["403"]);
    }

    [Fact]
    public async Task Placing_an_order_has_its_request_and_response_schemas_and_examples()
    {
        var document = JsonNode.Parse(await DocumentAsync())!;

        var post = document["paths"]!.AsObject().First(path => Normal(path.Key) == "/orders").Value!["post"]!;

        var request = post["requestBody"]!["content"]!["application/json"]!;
        Assert.Equal("#/components/schemas/PlaceOrder", (string?)request["schema"]!["$ref"]);
        Assert.Equal("cust-42", (string?)request["example"]!["customerId"]);
        var created = post["responses"]!["201"]!["content"]!["application/json"]!;
        Assert.Equal("#/components/schemas/OrderResponse", (string?)created["schema"]!["$ref"]);
        Assert.Equal("PENDING", (string?)created["example"]!["status"]);
        Assert.NotNull(post["responses"]!["400"]!["content"]!["application/problem+json"]!["example"]);
        Assert.NotNull(post["responses"]!["422"]);
        var placeOrder = document["components"]!["schemas"]!["PlaceOrder"]!["properties"]!.AsObject();
        Assert.Equal(["currency", "customerId", "items", "paymentToken", "shippingAddress"], placeOrder.Select(property => property.Key).Order(StringComparer.Ordinal));
    }

    private async Task<string> DocumentAsync()
    {
        var client = await host.ClientAsync();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A route template as a path of the document: route constraints and catch-all stars off, no trailing slash.</summary>
    private static string Normal(string template)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{\**([^}:=?]+)[^}]*\}", "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(property => property.Key == "$ref" && property.Value is JsonValue value
            ? [(string)value!]
            : References(property.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    private static JsonNode? Resolve(JsonNode document, string reference)
    {
        var node = document;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }
        return node;
    }
}
