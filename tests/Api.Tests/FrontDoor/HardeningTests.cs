using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using StepOrders.Api.FrontDoor;

namespace StepOrders.Api.Tests.FrontDoor;

public sealed class HardeningTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/")]
    [InlineData("/console/app.js")]
    [InlineData("/orders/ord_01ARZ3NDEKTSV4RRFFQ69G5FAV")]
    public async Task Every_response_the_consoles_pages_included_carries_the_security_headers(string path)
    {
        var response = await host.CreateClient().GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Status_total_id_and_history_sent_with_an_order_are_ignored()
    {
        var client = await host.ClientAsync();
        var body = new
        {
            orderId = "ord_01ARZ3NDEKTSV4RRFFQ69G5FAV",
            status = "COMPLETED",
            total = 0.01m,
            createdAt = "2001-01-01T00:00:00Z",
            history = new[] { new { status = "COMPLETED", at = "2001-01-01T00:00:00Z", detail = "paid" } },
            execution = new { name = "x", status = "SUCCEEDED" },
            customerId = "mass-assign",
            items = new[] { new { sku = "SKU-1", quantity = 2, unitPrice = 19.99m, total = 0.01m } },
            currency = "EUR",
            shippingAddress = new { name = "Ada Lovelace", line1 = "1 Analytical Way", city = "London", postalCode = "N1 9GU", country = "GB" },
        };

        var response = await client.PostAsJsonAsync("/orders", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await OrderBody.ReadAsync(response);
        Assert.NotEqual("ord_01ARZ3NDEKTSV4RRFFQ69G5FAV", order.OrderId);
        Assert.Equal("PENDING", order.Status);
        Assert.Equal(39.98m, order.Total);
        Assert.Equal("PENDING", Assert.Single(order.History).Status);
        Assert.True(order.CreatedAt > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task Invalid_utf8_anywhere_in_a_body_is_a_400_even_in_a_field_nothing_reads()
    {
        var client = await host.ClientAsync(customerId: "utf8");
        byte[] body = [.. "{\"message\":\"hi\",\"note\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var problem = await Problem.ReadAsync(await client.PostAsync("/chatbot", content), HttpStatusCode.BadRequest);

        Assert.Equal("body", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task Every_error_is_problem_details_with_a_trace_id()
    {
        var client = await host.ClientAsync(customerId: "tracer");
        var anonymous = host.CreateClient();
        var responses = new (HttpResponseMessage Response, HttpStatusCode Status)[]
        {
            (await anonymous.GetAsync("/orders/ord_01ARZ3NDEKTSV4RRFFQ69G5FAV"), HttpStatusCode.Unauthorized),
            (await client.GetAsync("/admin/dead-letters"), HttpStatusCode.Forbidden),
            (await client.GetAsync("/orders/ord_01ARZ3NDEKTSV4RRFFQ69G5FAV"), HttpStatusCode.NotFound),
            (await client.GetAsync("/no/such/route"), HttpStatusCode.NotFound),
            (await client.DeleteAsync("/orders/ord_01ARZ3NDEKTSV4RRFFQ69G5FAV"), HttpStatusCode.MethodNotAllowed),
            (await client.PostAsync("/orders", Requests.Json("{")), HttpStatusCode.BadRequest),
            (await client.PostAsync("/orders", Requests.Json(new string(' ', 70 * 1024))), HttpStatusCode.RequestEntityTooLarge),
        };

        foreach (var (response, status) in responses)
        {
            await Problem.ReadAsync(response, status);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.TryGetProperty("traceId", out var traceId), $"{status} has no traceId");
            Assert.False(string.IsNullOrEmpty(traceId.GetString()));
        }
    }

    [Fact]
    public void Cors_origins_come_from_the_configuration_and_the_switch_and_must_be_origins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cors:Origins:0"] = "https://shop.example",
            ["cors-origin"] = "http://localhost:3000, https://admin.example/",
        }).Build();

        Assert.Equal(["https://shop.example", "http://localhost:3000", "https://admin.example"], FrontDoorOptions.From(configuration).CorsOrigins);
        Assert.Empty(FrontDoorOptions.From(new ConfigurationBuilder().Build()).CorsOrigins);
        Assert.Throws<InvalidOperationException>(() => FrontDoorOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["cors-origin"] = "https://shop.example/path" }).Build()));
    }

    [Fact]
    public async Task Without_configured_origins_no_cross_origin_call_is_allowed()
    {
        var response = await host.CreateClient().SendAsync(Preflight("https://shop.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_configured_origin_passes_the_preflight_and_others_do_not()
    {
        await using var allowing = new FrontDoorHost(settings: new Dictionary<string, string> { ["cors-origin"] = "https://shop.example" });
        var client = allowing.CreateClient();

        var allowed = await client.SendAsync(Preflight("https://shop.example"));
        var other = await client.SendAsync(Preflight("https://evil.example"));

        Assert.True(allowed.IsSuccessStatusCode);
        Assert.Equal("https://shop.example", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("x-api-key", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/orders");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type,idempotency-key");
        return request;
    }
}
