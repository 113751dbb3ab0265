using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Local.Tests.EndToEnd;
using StepOrders.Orders;

namespace StepOrders.Local.Tests.Engines;

/// <summary>The local host with orders in dynalite and its queue in fauxqs (<c>--store dynamodb --queue sqs</c>); the workflow stays embedded.</summary>
public sealed class AwsEnginesTests(DynaliteFixture dynalite, FauxqsFixture fauxqs) : IClassFixture<DynaliteFixture>, IClassFixture<FauxqsFixture>
{
    [Fact]
    public async Task On_dynalite_and_fauxqs_an_order_goes_to_COMPLETED_and_lives_in_DynamoDB()
    {
        var prefix = $"t{Guid.NewGuid():N}"[..12] + "-";
        await using var host = new AwsEnginesHost(dynalite, fauxqs, prefix);
        var client = await host.ClientAsync();

        var response = await client.PostAsJsonAsync("/orders", new
        {
            customerId = "aws-engines",
            items = new[] { new { sku = "SKU-1", quantity = 2, unitPrice = 12.5m } },
            currency = "EUR",
            shippingAddress = new { name = "Ada", line1 = "1 Way", city = "London", postalCode = "N1", country = "GB" },
            paymentToken = TestCardNetwork.Flaky,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var orderId = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!;
        await host.ClosedAsync(orderId);
        var order = (await client.GetFromJsonAsync<JsonObject>($"/orders/{orderId}"))!;

        Assert.Equal("COMPLETED", (string?)order["status"]);
        Assert.Equal("SUCCEEDED", (string?)order["execution"]!["status"]);
        var tables = DynamoDbTables.WithPrefix(prefix);
        var stored = await new DynamoDbOrderStore(dynalite.Client, tables).GetAsync(OrderId.Parse(orderId), CancellationToken.None);
        Assert.Equal(OrderStatus.Completed, stored?.Status);
        // The demo catalog was seeded into the DynamoDB inventory, and this order took two units of it.
        Assert.Equal(StepOrders.Local.Data.DemoCatalog.UnitsPerSku - 2, await new DynamoDbInventory(dynalite.Client, tables).GetAvailableAsync("SKU-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_customers_orders_page_through_the_API_with_the_cursor_the_DynamoDB_store_gives()
    {
        await using var host = new AwsEnginesHost(dynalite, fauxqs, $"t{Guid.NewGuid():N}"[..12] + "-");
        var client = await host.ClientAsync();
        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/orders", new
            {
                customerId = "aws-pages",
                items = new[] { new { sku = "SKU-1", quantity = 1, unitPrice = 5m } },
                currency = "EUR",
                shippingAddress = new { name = "Ada", line1 = "1 Way", city = "London", postalCode = "N1", country = "GB" },
            });
            placed.Add((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!);
        }

        var first = (await client.GetFromJsonAsync<JsonObject>("/customers/aws-pages/orders?limit=2"))!;
        var next = await client.GetAsync($"/customers/aws-pages/orders?limit=2&cursor={Uri.EscapeDataString((string)first["nextCursor"]!)}");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var second = (await next.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(
            Enumerable.Reverse(placed),
            first["orders"]!.AsArray().Concat(second["orders"]!.AsArray()).Select(order => (string)order!["orderId"]!));
        Assert.Null(second["nextCursor"]);
    }

    [Fact]
    public async Task A_host_started_again_on_the_same_tables_keeps_their_stock_and_does_not_seed_the_catalog_over_it()
    {
        var prefix = $"t{Guid.NewGuid():N}"[..12] + "-";
        await using (var first = new AwsEnginesHost(dynalite, fauxqs, prefix))
        {
            var client = await first.ClientAsync();
            var set = await client.PutAsJsonAsync("/admin/inventory/SKU-1", new { available = 7 });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        // A new data folder, as a host on another machine would have, on the tables the first one stocked.
        await using var again = new AwsEnginesHost(dynalite, fauxqs, prefix);
        await again.ClientAsync();

        Assert.Equal(7, await new DynamoDbInventory(dynalite.Client, DynamoDbTables.WithPrefix(prefix)).GetAvailableAsync("SKU-1", CancellationToken.None));
    }

    private sealed class AwsEnginesHost(DynaliteFixture dynalite, FauxqsFixture fauxqs, string prefix) : LocalHost(new Dictionary<string, string>
    {
        ["store"] = "dynamodb",
        ["dynamodb-endpoint"] = ((Amazon.DynamoDBv2.AmazonDynamoDBConfig)dynalite.Client.Config).ServiceURL,
        ["table-prefix"] = prefix,
        ["queue"] = "sqs",
        ["sqs-endpoint"] = fauxqs.Client.Config.ServiceURL,
        ["queue-name"] = prefix + "orders",
        ["Queue:WaitTime"] = "00:00:01",
    });
}
