using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace StepOrders.Api.Tests.Orders;

public sealed class PlaceOrderTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_valid_order_is_created_pending_with_its_location()
    {
        var client = await host.ClientAsync();

        var response = await client.PlaceAsync(Requests.Order(quantity: 3, unitPrice: 10.50m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await OrderBody.ReadAsync(response);
        Assert.Equal($"/orders/{order.OrderId}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("ord_", order.OrderId, StringComparison.Ordinal);
        Assert.Equal("PENDING", order.Status);
        Assert.Equal(31.50m, order.Total);
        Assert.Equal(new ItemBody("SKU-1", 3, 10.50m), Assert.Single(order.Items));
        Assert.Equal("PENDING", Assert.Single(order.History).Status);
    }

    [Fact]
    public async Task Money_and_statuses_are_json_numbers_and_strings()
    {
        var client = await host.ClientAsync();

        var json = await (await client.PlaceAsync(Requests.Order(unitPrice: 19.99m))).Content.ReadAsStringAsync();

        Assert.Contains("\"total\":39.98", json, StringComparison.Ordinal);
        Assert.Contains("\"unitPrice\":19.99", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"PENDING\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_one_problem()
    {
        var client = await host.ClientAsync();
        var request = new
        {
            customerId = "",
            items = new object[] { new { sku = "SKU-1", quantity = 0, unitPrice = 1.5m }, new { sku = "no spaces", quantity = 1, unitPrice = -1m } },
            currency = "XXX",
            shippingAddress = new { name = "A", line1 = "", city = "C", postalCode = "1", country = "germany" },
            paymentToken = "visa",
        };

        var problem = await Problem.ReadAsync(await client.PlaceAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal(
            ["currency", "customerId", "items[0].quantity", "items[1].sku", "items[1].unitPrice", "paymentToken", "shippingAddress.country", "shippingAddress.line1"],
            problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_missing_address_and_items_are_named()
    {
        var client = await host.ClientAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/orders", Requests.Json("""{"customerId":"c","currency":"EUR"}""")), HttpStatusCode.BadRequest);

        Assert.Contains("items", problem.Errors!.Keys);
        Assert.Contains("shippingAddress", problem.Errors.Keys);
    }

    [Theory]
    [InlineData("""{"customerId": "c", "items": [""")]
    [InlineData("not json")]
    [InlineData("""{"customerId": "c",}""")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var client = await host.ClientAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/orders", Requests.Json(body)), HttpStatusCode.BadRequest);

        Assert.Contains("body", problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("""{"customerId": 12}""", "customerId")]
    [InlineData("""{"items": [{"sku": "SKU-1", "quantity": "two"}]}""", "items[0].quantity")]
    [InlineData("""{"items": [{"sku": "SKU-1", "quantity": "2"}]}""", "items[0].quantity")]
    [InlineData("""{"items": [{"quantity": 1.5}]}""", "items[0].quantity")]
    [InlineData("""{"items": {"sku": "SKU-1"}}""", "items")]
    [InlineData("""{"shippingAddress": "here"}""", "shippingAddress")]
    public async Task A_field_of_the_wrong_type_is_named(string body, string field)
    {
        var client = await host.ClientAsync();

        var problem = await Problem.ReadAsync(await client.PostAsync("/orders", Requests.Json(body)), HttpStatusCode.BadRequest);

        Assert.Equal(field, Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_is_a_400_problem()
    {
        var client = await host.ClientAsync();
        var deep = """{"customerId": "c", "extra": """ + new string('[', 100) + new string(']', 100) + "}";

        await Problem.ReadAsync(await client.PostAsync("/orders", Requests.Json(deep)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_refused_with_413()
    {
        var client = await host.ClientAsync();
        var big = "{\"customerId\": \"c\", \"padding\": \"" + new string('x', 70 * 1024) + "\"}";

        await Problem.ReadAsync(await client.PostAsync("/orders", Requests.Json(big)), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_64_KiB_is_refused_with_413()
    {
        var client = await host.ClientAsync();
        var big = Encoding.UTF8.GetBytes("{\"customerId\": \"c\", \"padding\": \"" + new string('x', 70 * 1024) + "\"}");
        using var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new("application/json");

        await Problem.ReadAsync(await client.PostAsync("/orders", content), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_return_the_first_order()
    {
        var client = await host.ClientAsync(customerId: "idem-1");
        var body = Requests.Order(customerId: "idem-1");

        var first = await SendWithKeyAsync(client, "key-1", body);
        var retry = await SendWithKeyAsync(client, "key-1", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await OrderBody.ReadAsync(first)).OrderId, (await OrderBody.ReadAsync(retry)).OrderId);
        var page = await client.GetFromJsonAsync<PageBody>("/customers/idem-1/orders", OrderBody.Json);
        Assert.Single(page!.Orders);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_422()
    {
        var client = await host.ClientAsync();

        await SendWithKeyAsync(client, "key-2", Requests.Order(quantity: 1));
        var reused = await SendWithKeyAsync(client, "key-2", Requests.Order(quantity: 5));

        await Problem.ReadAsync(reused, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Idempotency_keys_of_different_api_keys_do_not_collide()
    {
        var one = await host.ClientAsync();
        var other = await host.ClientAsync();
        var body = Requests.Order();

        var first = await OrderBody.ReadAsync(await SendWithKeyAsync(one, "shared-key", body));
        var second = await OrderBody.ReadAsync(await SendWithKeyAsync(other, "shared-key", body));

        Assert.NotEqual(first.OrderId, second.OrderId);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_place_one_order()
    {
        var client = await host.ClientAsync(customerId: "idem-race");
        var body = Requests.Order(customerId: "idem-race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendWithKeyAsync(client, "race", body)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async response => (await OrderBody.ReadAsync(response)).OrderId));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task An_idempotency_key_over_255_characters_is_a_400_problem()
    {
        var client = await host.ClientAsync();

        var problem = await Problem.ReadAsync(await SendWithKeyAsync(client, new string('k', 256), Requests.Order()), HttpStatusCode.BadRequest);

        Assert.Contains("Idempotency-Key", problem.Errors!.Keys);
    }

    private static Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
