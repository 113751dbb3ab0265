using System.Net;
using System.Net.Http.Json;

namespace StepOrders.Api.Tests.Customers;

public sealed class CustomerOrdersTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_customers_orders_come_newest_first_a_page_at_a_time()
    {
        var client = await host.ClientAsync();
        var placed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add((await OrderBody.ReadAsync(await client.PlaceAsync(Requests.Order(customerId: "pager")))).OrderId);
        }
        await client.PlaceAsync(Requests.Order(customerId: "someone-else"));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/customers/pager/orders?limit=2" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await client.GetFromJsonAsync<PageBody>(url, OrderBody.Json);
            Assert.True(page!.Orders.Count <= 2);
            seen.AddRange(page.Orders.Select(order => order.OrderId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        // Order ids sort by their millisecond of creation; two orders placed in the same millisecond may come either way.
        Assert.Equal(3, pages);
        Assert.Equal(placed.OrderDescending(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task The_last_page_has_a_null_next_cursor()
    {
        var client = await host.ClientAsync();

        var json = await client.GetStringAsync("/customers/nobody/orders");

        Assert.Equal("""{"orders":[],"nextCursor":null}""", json);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("cursor=b3JkX25vdA", "cursor")]
    public async Task A_bad_limit_or_cursor_is_a_400_problem(string query, string field)
    {
        var client = await host.ClientAsync();

        var problem = await Problem.ReadAsync(await client.GetAsync($"/customers/c/orders?{query}"), HttpStatusCode.BadRequest);

        Assert.Equal(field, Assert.Single(problem.Errors!).Key);
    }
}
