using System.Text.Json.Nodes;
using StepOrders.Orders;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Local.Tests.Telemetry;

/// <summary>One order is one trace: the request's W3C trace context goes through the queue message into the execution and each step.</summary>
public sealed class TraceTests(TelemetryHost host) : IClassFixture<TelemetryHost>
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string TraceParent = $"00-{TraceId}-00f067aa0ba902b7-01";

    [Fact]
    public async Task The_access_log_line_the_starter_line_and_every_step_line_of_an_order_carry_its_trace_id()
    {
        var client = await host.ClientAsync();

        var orderId = await host.PlaceAsync(client, "SKU-4", TestCardNetwork.Decline, TraceParent);
        await host.ClosedAsync(orderId);

        var access = (await host.AccessLinesAsync()).Select(line => JsonNode.Parse(line)!)
            .Single(line => ((string?)line["traceId"])?.Contains(TraceId, StringComparison.Ordinal) == true);
        var ofTheOrder = host.Log.Lines.Where(line => CapturedLog.Field(line, OrderLogScope.OrderIdField) == orderId).ToList();
        var functions = ofTheOrder.Select(line => CapturedLog.Field(line, OrderLogScope.FunctionField)).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(("POST", "/orders/", 201), ((string?)access["method"], (string?)access["route"], (int)access["status"]!));
        Assert.Equal(TraceId, OrderTracing.ParentFrom((string?)access["traceId"]).TraceId.ToHexString());
        Assert.Equal(["AwaitRedrive", "CheckInventory", "MarkOrderFailed", "ProcessPayment", "StartOrderWorkflow", "ValidateOrder"], functions);
        Assert.All(ofTheOrder, line => Assert.Equal(TraceId, CapturedLog.Field(line, "TraceId")));
        Assert.All(ofTheOrder, line => Assert.Equal(orderId, CapturedLog.Field(line, OrderLogScope.ExecutionNameField)));
    }

    [Fact]
    public async Task Every_line_is_json_with_a_timestamp_a_level_and_a_message()
    {
        var client = await host.ClientAsync();
        var orderId = await host.PlaceAsync(client, "SKU-5");
        await host.ClosedAsync(orderId);

        Assert.All(host.Log.Lines, line =>
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string?)line["Timestamp"]);
            Assert.NotNull((string?)line["LogLevel"]);
            Assert.NotNull((string?)line["Message"]);
        });
    }

    [Fact]
    public async Task No_api_key_appears_in_any_log_line()
    {
        var client = await host.ClientAsync();
        var secret = client.DefaultRequestHeaders.GetValues("x-api-key").Single();
        using var stranger = host.CreateClient();
        stranger.DefaultRequestHeaders.Add("x-api-key", "not-a-key-but-still-a-secret-0123456789");

        var orderId = await host.PlaceAsync(client, "SKU-6");
        await host.ClosedAsync(orderId);
        await client.GetAsync($"/orders/{orderId}");
        await client.GetAsync("/admin/alarms");
        await stranger.GetAsync($"/orders/{orderId}");

        IReadOnlyList<string> lines = [.. host.Log.Text, .. await host.AccessLinesAsync()];
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("not-a-key-but-still-a-secret", StringComparison.Ordinal));
    }
}
