using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StepOrders.Orders.Ports;

namespace StepOrders.Api.Tests.Admin;

public sealed class AdminTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Setting_stock_changes_what_can_be_reserved()
    {
        var admin = await host.ClientAsync(admin: true);

        var response = await admin.PutAsJsonAsync("/admin/inventory/SKU-NEW", new { available = 42 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"sku":"SKU-NEW","available":42}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(42, await host.Services.GetRequiredService<IInventory>().GetAvailableAsync("SKU-NEW", CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"available": -1}""", "available")]
    [InlineData("""{}""", "available")]
    [InlineData("""{"available": "many"}""", "available")]
    public async Task Bad_stock_is_a_400_problem(string body, string field)
    {
        var admin = await host.ClientAsync(admin: true);

        var problem = await Problem.ReadAsync(await admin.PutAsync("/admin/inventory/SKU-1", Requests.Json(body)), HttpStatusCode.BadRequest);

        Assert.Equal(field, Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task Dead_letters_are_listed_and_redriven_with_or_without_a_body()
    {
        var admin = await host.ClientAsync(admin: true);

        var list = await admin.GetStringAsync("/admin/dead-letters");
        var all = await admin.PostAsync("/admin/dead-letters/redrive", null);
        var some = await admin.PostAsJsonAsync("/admin/dead-letters/redrive", new { messageIds = new[] { "1", "2" } });

        Assert.Equal("""{"deadLetters":[]}""", list);
        Assert.Equal("""{"redriven":0}""", await all.Content.ReadAsStringAsync());
        Assert.Equal("""{"redriven":0}""", await some.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Redriving_an_unknown_execution_is_404_problem()
    {
        var admin = await host.ClientAsync(admin: true);

        await Problem.ReadAsync(await admin.PostAsync("/admin/executions/ord_01ARZ3NDEKTSV4RRFFQ69G5FAV/redrive", null), HttpStatusCode.NotFound);
    }
}
