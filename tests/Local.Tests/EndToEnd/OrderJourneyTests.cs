using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Workflow.History;

namespace StepOrders.Local.Tests.EndToEnd;

/// <summary>Orders placed over HTTP and driven by the queue poller and the embedded runtime to their final status.</summary>
public sealed class OrderJourneyTests(LocalHost host) : IClassFixture<LocalHost>
{
    [Fact]
    public async Task An_order_goes_through_every_status_to_completed()
    {
        var client = await host.ClientAsync();

        var placed = await PlaceAsync(client, "SKU-1");
        var execution = await host.ClosedAsync(placed);
        var order = await GetAsync(client, placed);

        Assert.Equal("SUCCEEDED", (string?)order["execution"]!["status"]);
        Assert.Equal(["PENDING", "VALIDATING", "INVENTORY_CHECK", "PAYMENT_PROCESSING", "FULFILLMENT", "COMPLETED"], Statuses(order));
        Assert.Null(order["failure"]);
        Assert.Equal(StepOrders.Workflow.ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(1, await host.Get<IPaymentGateway>().CountCapturesAsync(OrderId.Parse(placed), CancellationToken.None));
    }

    [Fact]
    public async Task A_declined_payment_fails_the_order_at_process_payment_and_releases_its_stock()
    {
        var client = await host.ClientAsync();
        await client.PutAsJsonAsync("/admin/inventory/SKU-DECLINE", new { available = 10 });

        var placed = await PlaceAsync(client, "SKU-DECLINE", TestCardNetwork.Decline);
        await host.ClosedAsync(placed);
        var order = await GetAsync(client, placed);

        Assert.Equal("FAILED", (string?)order["status"]);
        Assert.Equal("ProcessPayment", (string?)order["failure"]!["step"]);
        Assert.Equal(OrderErrors.PaymentDeclined, (string?)order["failure"]!["error"]);
        Assert.Equal("FAILED", (string?)order["execution"]!["status"]);
        Assert.Equal(10, await host.Get<IInventory>().GetAvailableAsync("SKU-DECLINE", CancellationToken.None));
        Assert.Contains("Stock released", (string?)order["history"]!.AsArray()[^1]!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_stock_sku_fails_the_order_at_check_inventory()
    {
        var client = await host.ClientAsync();

        var placed = await PlaceAsync(client, "SKU-OUT");
        var execution = await host.ClosedAsync(placed);
        var order = await GetAsync(client, placed);

        Assert.Equal(["PENDING", "VALIDATING", "INVENTORY_CHECK", "FAILED"], Statuses(order));
        Assert.Equal("CheckInventory", (string?)order["failure"]!["step"]);
        Assert.Equal(OrderErrors.OutOfStock, (string?)order["failure"]!["error"]);
        Assert.Equal((OrderErrors.OutOfStock, "SKU-OUT: 1 requested, 0 available."), (execution.Error, execution.Cause));
    }

    [Fact]
    public async Task A_flaky_payment_is_retried_and_the_retries_show_in_the_execution_history()
    {
        var client = await host.ClientAsync();

        var placed = await PlaceAsync(client, "SKU-2", TestCardNetwork.Flaky);
        var execution = await host.ClosedAsync(placed);
        var history = await host.Runtime.GetExecutionHistoryAsync(execution.ExecutionArn, maxResults: 1000);

        Assert.Equal("COMPLETED", (string?)(await GetAsync(client, placed))["status"]);
        Assert.Equal(2, history.Events.Count(e => e.Type == HistoryEventType.LambdaFunctionFailed && e.Error == OrderErrors.Transient));
        Assert.Equal(1, await host.Get<IPaymentGateway>().CountCapturesAsync(OrderId.Parse(placed), CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_order_completes_once_restocked_and_redriven()
    {
        var client = await host.ClientAsync();
        await client.PutAsJsonAsync("/admin/inventory/SKU-LATE", new { available = 0 });
        var placed = await PlaceAsync(client, "SKU-LATE");
        await host.ClosedAsync(placed);

        await client.PutAsJsonAsync("/admin/inventory/SKU-LATE", new { available = 5 });
        var redrive = await client.PostAsync($"/admin/executions/{placed}/redrive", null);
        var execution = await host.ClosedAsync(placed, closings: 2);
        var order = await GetAsync(client, placed);

        Assert.Equal(HttpStatusCode.Accepted, redrive.StatusCode);
        Assert.Equal(StepOrders.Workflow.ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(1, execution.RedriveCount);
        Assert.Equal(
            ["PENDING", "VALIDATING", "INVENTORY_CHECK", "FAILED", "PENDING", "VALIDATING", "INVENTORY_CHECK", "PAYMENT_PROCESSING", "FULFILLMENT", "COMPLETED"],
            Statuses(order));
        Assert.Null(order["failure"]);
        Assert.Equal(4, await host.Get<IInventory>().GetAvailableAsync("SKU-LATE", CancellationToken.None));
    }

    [Fact]
    public async Task Redriving_an_execution_that_succeeded_is_a_409_problem()
    {
        var client = await host.ClientAsync();
        var placed = await PlaceAsync(client, "SKU-3");
        await host.ClosedAsync(placed);

        var redrive = await client.PostAsync($"/admin/executions/{placed}/redrive", null);

        Assert.Equal(HttpStatusCode.Conflict, redrive.StatusCode);
        Assert.Equal("application/problem+json", redrive.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> PlaceAsync(HttpClient client, string sku, string token = TestCardNetwork.Approve)
    {
        var response = await client.PostAsJsonAsync("/orders", new
        {
            customerId = "journey",
            items = new[] { new { sku, quantity = 1, unitPrice = 12.5m } },
            currency = "EUR",
            shippingAddress = new { name = "Ada", line1 = "1 Way", city = "London", postalCode = "N1", country = "GB" },
            paymentToken = token,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!;
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string orderId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/orders/{orderId}"))!;

    private static string[] Statuses(JsonObject order) =>
        [.. order["history"]!.AsArray().Select(change => (string)change!["status"]!)];
}
