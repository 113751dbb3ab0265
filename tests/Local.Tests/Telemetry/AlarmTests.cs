using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StepOrders.Orders;

namespace StepOrders.Local.Tests.Telemetry;

/// <summary>The in-process alarms on a fake clock, with the webhook a local HTTP listener.</summary>
public sealed class AlarmTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly WebhookReceiver _webhook = new();
    private readonly AlarmHost _host;

    public AlarmTests() => _host = new AlarmHost(_webhook.Url);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _webhook.Dispose();
    }

    [Fact]
    public async Task Declined_orders_over_one_percent_raise_the_error_rate_alarm_once_and_it_clears_when_the_window_passes()
    {
        var client = await _host.ClientAsync();
        string[] placed =
        [
            await _host.PlaceAsync(client, "SKU-1"),
            await _host.PlaceAsync(client, "SKU-2"),
            await _host.PlaceAsync(client, "SKU-3"),
            await _host.PlaceAsync(client, "SKU-4", TestCardNetwork.Decline),
        ];
        foreach (var orderId in placed)
        {
            await _host.ClosedAsync(orderId);
        }

        _host.Clock!.Advance(Period);
        await _webhook.WhenAsync(received => Notifications(received, "OrderErrorRate").Count == 1 && Notifications(received, "ExecutionsFailed").Count == 1);
        _host.Clock.Advance(Period);
        _host.Clock.Advance(Period);
        var raised = await AlarmAsync(client, "OrderErrorRate");

        Assert.Equal("ALARM", (string?)raised["state"]);
        Assert.Equal("1 of 4 orders failed (25%) in 5 min", (string?)raised["reason"]);
        Assert.Equal(["ALARM"], Notifications(_webhook.Received, "OrderErrorRate"));
        Assert.Equal(["ALARM"], Notifications(_webhook.Received, "ExecutionsFailed"));

        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await _webhook.WhenAsync(received => Notifications(received, "OrderErrorRate").Count == 2 && Notifications(received, "ExecutionsFailed").Count == 2);
        var cleared = await AlarmAsync(client, "OrderErrorRate");

        Assert.Equal(["ALARM", "OK"], Notifications(_webhook.Received, "OrderErrorRate"));
        Assert.Equal(["ALARM", "OK"], Notifications(_webhook.Received, "ExecutionsFailed"));
        Assert.Equal("OK", (string?)cleared["state"]);
        Assert.Equal(["OK→ALARM", "ALARM→OK"], cleared["history"]!.AsArray().Reverse().Select(change => $"{change!["from"]}→{change["to"]}"));
        var notification = _webhook.Received.First(body => (string?)body["AlarmName"] == "OrderErrorRate");
        Assert.Equal("OK", (string?)notification["OldStateValue"]);
        Assert.NotNull((string?)notification["StateChangeTime"]);
        Assert.Single(_host.Log.Lines, line => (string?)line["Message"] == "Alarm OrderErrorRate went from OK to ALARM: 1 of 4 orders failed (25%) in 5 min");
    }

    [Fact]
    public async Task Alarms_start_ok_and_list_every_rule()
    {
        var client = await _host.ClientAsync();

        var report = (await client.GetFromJsonAsync<JsonObject>("/admin/alarms"))!;

        Assert.Equal(300, (double)report["windowSeconds"]!);
        Assert.Equal(
            [("OrderErrorRate", "OK"), ("ApiLatencyP99", "OK"), ("ApiServerErrorRate", "OK"), ("DeadLettersNotEmpty", "OK"), ("ExecutionsFailed", "OK")],
            report["alarms"]!.AsArray().Select(alarm => ((string?)alarm!["name"], (string?)alarm["state"])));
    }

    private static List<string?> Notifications(IReadOnlyList<JsonObject> received, string alarm) =>
        [.. received.Where(body => (string?)body["AlarmName"] == alarm).Select(body => (string?)body["NewStateValue"])];

    private static async Task<JsonObject> AlarmAsync(HttpClient client, string name)
    {
        var report = (await client.GetFromJsonAsync<JsonObject>("/admin/alarms"))!;
        return report["alarms"]!.AsArray().Single(alarm => (string?)alarm!["name"] == name)!.AsObject();
    }

    private sealed class AlarmHost(string webhook)
        : TelemetryHost(new Dictionary<string, string> { ["alarm-webhook"] = webhook }, new TestClock());
}
