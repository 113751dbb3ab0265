using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StepOrders.Api.Tests.Access;

public sealed class ApiKeyAccessTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("GET", "/orders/ord_01ARZ3NDEKTSV4RRFFQ69G5FAV")]
    [InlineData("POST", "/orders")]
    [InlineData("GET", "/customers/c/orders")]
    [InlineData("GET", "/admin/dead-letters")]
    public async Task A_request_without_a_key_is_401_problem(string method, string path)
    {
        var client = host.CreateClient();

        await Problem.ReadAsync(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_mapped_route_but_health_and_the_console_files_is_401_without_a_key()
    {
        // /metrics among them (MetricsAccessTests); /sfn refuses in the Step Functions API's own shape.
        string[] open = ["/health", "/", "/console/{**file}", "/sfn"];
        var client = host.CreateClient();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(route => !open.Contains(route.RoutePattern.RawText!.TrimEnd('/') is { Length: > 0 } path ? path : "/"))
            .ToList();
        Assert.NotEmpty(routes);

        foreach (var route in routes)
        {
            var path = Regex.Replace(route.RoutePattern.RawText!, @"\{\**([^}:=?]+)[^}]*\}", "x");
            foreach (var method in route.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Requests.Json("{}") });
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
                await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
            }
        }
    }

    [Fact]
    public async Task An_unknown_key_is_401_problem()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", "so_not-a-key");

        await Problem.ReadAsync(await client.GetAsync("/customers/c/orders"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_needs_no_key()
    {
        var response = await host.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_customer_key_sees_only_its_customers_orders()
    {
        var admin = await host.ClientAsync(admin: true);
        var alice = await host.ClientAsync(customerId: "alice");
        var bobsOrder = await OrderBody.ReadAsync(await admin.PlaceAsync(Requests.Order(customerId: "bob")));
        var alicesOrder = await OrderBody.ReadAsync(await alice.PlaceAsync(Requests.Order(customerId: "alice")));

        await Problem.ReadAsync(await alice.GetAsync($"/orders/{bobsOrder.OrderId}"), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await alice.GetAsync("/customers/bob/orders"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/orders/{alicesOrder.OrderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/orders/{alicesOrder.OrderId}")).StatusCode);
    }

    [Fact]
    public async Task A_customer_key_cannot_place_orders_for_another_customer_who_is_not_found_for_it()
    {
        var alice = await host.ClientAsync(customerId: "alice");

        await Problem.ReadAsync(await alice.PlaceAsync(Requests.Order(customerId: "bob-placed-for")), HttpStatusCode.NotFound);
        var page = await (await host.ClientAsync(admin: true)).GetFromJsonAsync<PageBody>("/customers/bob-placed-for/orders", OrderBody.Json);
        Assert.Empty(page!.Orders);
    }

    [Fact]
    public async Task Only_admin_keys_reach_admin_routes()
    {
        var shop = await host.ClientAsync();
        var customer = await host.ClientAsync(customerId: "carol");
        var admin = await host.ClientAsync(admin: true);

        await Problem.ReadAsync(await shop.GetAsync("/admin/dead-letters"), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await customer.PutAsJsonAsync("/admin/inventory/SKU-1", new { available = 5 }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/dead-letters")).StatusCode);
    }
}
