using System.Net;
using System.Net.Http.Json;

namespace StepOrders.Api.Tests.Orders;

public sealed class GetOrderTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task An_order_is_shown_with_its_history_and_execution()
    {
        var client = await host.ClientAsync();
        var placed = await OrderBody.ReadAsync(await client.PlaceAsync(Requests.Order()));

        var order = await client.GetFromJsonAsync<OrderBody>($"/orders/{placed.OrderId}", OrderBody.Json);

        Assert.Equal(placed.OrderId, order!.OrderId);
        Assert.Equal("PENDING", order.Status);
        Assert.Equal(placed.OrderId, order.Execution!.Name);
        Assert.Equal("NOT_STARTED", order.Execution.Status);
        Assert.Null(order.Failure);
    }

    [Theory]
    [InlineData("ord_01ARZ3NDEKTSV4RRFFQ69G5FAV")]
    [InlineData("ord_nope")]
    [InlineData("12345")]
    public async Task An_unknown_or_malformed_order_id_is_404_problem(string orderId)
    {
        var client = await host.ClientAsync();

        await Problem.ReadAsync(await client.GetAsync($"/orders/{orderId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_route_is_404_problem()
    {
        var client = await host.ClientAsync();

        await Problem.ReadAsync(await client.GetAsync("/nothing-here"), HttpStatusCode.NotFound);
    }
}
