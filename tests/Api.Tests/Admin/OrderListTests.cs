using System.Net;
using System.Net.Http.Json;

namespace StepOrders.Api.Tests.Admin;

public sealed class OrderListTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Admins_list_every_customers_orders_newest_first()
    {
        var admin = await host.ClientAsync(admin: true);
        var first = await OrderBody.ReadAsync(await admin.PlaceAsync(Requests.Order(customerId: "list-a")));
        var second = await OrderBody.ReadAsync(await admin.PlaceAsync(Requests.Order(customerId: "list-b")));

        var page = await admin.GetFromJsonAsync<PageBody>("/admin/orders?limit=200", OrderBody.Json);

        var ids = page!.Orders.Select(order => order.OrderId).ToList();
        Assert.True(ids.IndexOf(second.OrderId) < ids.IndexOf(first.OrderId));
        Assert.DoesNotContain(ids, id => id is null);
    }

    [Fact]
    public async Task The_list_filters_by_customer_and_by_status()
    {
        var admin = await host.ClientAsync(admin: true);
        var placed = await OrderBody.ReadAsync(await admin.PlaceAsync(Requests.Order(customerId: "list-filter")));
        await admin.PlaceAsync(Requests.Order(customerId: "list-other"));

        var mine = await admin.GetFromJsonAsync<PageBody>("/admin/orders?customerId=list-filter&status=PENDING", OrderBody.Json);
        var failed = await admin.GetFromJsonAsync<PageBody>("/admin/orders?customerId=list-filter&status=FAILED", OrderBody.Json);

        Assert.Equal(placed.OrderId, Assert.Single(mine!.Orders).OrderId);
        Assert.Empty(failed!.Orders);
    }

    [Theory]
    [InlineData("status=LOST", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    public async Task A_bad_filter_is_a_400_problem(string query, string field)
    {
        var admin = await host.ClientAsync(admin: true);

        var problem = await Problem.ReadAsync(await admin.GetAsync($"/admin/orders?{query}"), HttpStatusCode.BadRequest);

        Assert.Equal(field, Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task Only_admin_keys_list_every_order()
    {
        var shop = await host.ClientAsync();

        var response = await shop.GetAsync("/admin/orders");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
