using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StepOrders.Api.Access;
using StepOrders.Orders;

namespace StepOrders.Local.Tests.Telemetry;

/// <summary><c>GET /metrics</c> and <c>GET /admin/stats</c> after a known set of orders: two completed, one declined, one out of stock.</summary>
public sealed class MetricsEndpointTests(MetricsEndpointTests.KnownOrders host) : IClassFixture<MetricsEndpointTests.KnownOrders>
{
    private PrometheusScrape Scrape => host.Scrape;

    private HttpClient Client => host.Client;

    [Fact]
    public void Order_counters_count_each_order_once_by_outcome_with_the_failed_step_and_error()
    {
        Assert.Equal(4, Scrape["steporders_orders_received_total"]);
        Assert.Equal(2, Scrape["steporders_orders_completed_total"]);
        Assert.Equal(1, Scrape["steporders_orders_failed_total{step=\"ProcessPayment\",error=\"Order.PaymentDeclined\"}"]);
        Assert.Equal(1, Scrape["steporders_orders_failed_total{step=\"CheckInventory\",error=\"Order.OutOfStock\"}"]);
        Assert.Equal(2, Scrape["steporders_order_duration_seconds_count{status=\"COMPLETED\"}"]);
        Assert.Equal(2, Scrape["steporders_order_duration_seconds_count{status=\"FAILED\"}"]);
    }

    [Theory]
    [InlineData("ValidateOrder", "succeeded", 4)]
    [InlineData("CheckInventory", "succeeded", 3)]
    [InlineData("CheckInventory", "failed", 1)]
    [InlineData("ProcessPayment", "succeeded", 2)]
    [InlineData("ProcessPayment", "failed", 1)]
    [InlineData("PrepareFulfillment", "succeeded", 2)]
    [InlineData("CompleteOrder", "succeeded", 2)]
    [InlineData("MarkOrderFailed", "succeeded", 2)]
    public void Step_durations_count_every_run_of_each_state_by_outcome(string state, string outcome, int runs)
    {
        var labels = $"state=\"{state}\",outcome=\"{outcome}\"";
        Assert.Equal(runs, Scrape[$"steporders_step_duration_seconds_count{{{labels}}}"]);
        Assert.Equal(runs, Scrape[$"steporders_step_duration_seconds_bucket{{{labels},le=\"+Inf\"}}"]);
    }

    [Fact]
    public void Executions_requests_and_the_queue_show_what_happened_and_what_is_left()
    {
        Assert.Equal(4, Scrape["steporders_executions_started_total"]);
        Assert.Equal(2, Scrape["steporders_executions_closed_total{status=\"SUCCEEDED\"}"]);
        Assert.Equal(2, Scrape["steporders_executions_closed_total{status=\"FAILED\"}"]);
        Assert.Equal(0, Scrape["steporders_executions_redriven_total"]);
        Assert.Equal(0, Scrape["steporders_executions_running"]);
        Assert.Equal(4, Scrape["steporders_api_request_duration_seconds_count{method=\"POST\",route=\"/orders/\",code=\"201\"}"]);
        Assert.Equal(0, Scrape["steporders_queue_depth"]);
        Assert.Equal(0, Scrape["steporders_queue_dead_letters"]);
        Assert.Equal(0, Scrape["steporders_queue_oldest_age_seconds"]);
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_and_end_at_the_count()
    {
        var buckets = Scrape.Names.Where(name => name.StartsWith("steporders_step_duration_seconds_bucket{state=\"ValidateOrder\"", StringComparison.Ordinal))
            .Select(name => Scrape[name]!.Value).ToList();

        Assert.Equal(19, buckets.Count);
        Assert.Equal(buckets.Order(), buckets);
        Assert.Equal(4, buckets[^1]);
        Assert.Contains("# TYPE steporders_step_duration_seconds histogram\n", Scrape.Text, StringComparison.Ordinal);
        Assert.Contains("# TYPE steporders_orders_received_total counter\n", Scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_give_the_window_orders_success_rate_revenue_step_latencies_and_failure_reasons()
    {
        var stats = (await Client.GetFromJsonAsync<JsonObject>("/admin/stats?window=1h"))!;

        Assert.Equal(3600, (double)stats["windowSeconds"]!);
        Assert.Equal("sqlite", (string?)stats["source"]);
        Assert.Equal(4, (int)stats["orders"]!["placed"]!);
        Assert.Equal(2, (int)stats["orders"]!["completed"]!);
        Assert.Equal(2, (int)stats["orders"]!["failed"]!);
        Assert.Equal(4, (double)stats["ordersPerHour"]!);
        Assert.Equal(0.5, (double)stats["successRate"]!);
        Assert.Equal(50m, (decimal)stats["revenue"]!["EUR"]!);
        Assert.Equal(4, (int)stats["endToEnd"]!["count"]!);
        var steps = stats["steps"]!.AsArray().ToDictionary(step => (string)step!["step"]!, step => (int)step!["count"]!);
        Assert.Equal(4, steps["ValidateOrder"]);
        Assert.Equal(2, steps["PrepareFulfillment"]);
        var failures = stats["topFailures"]!.AsArray().Select(failure => ((string?)failure!["step"], (string?)failure["error"], (int)failure["count"]!)).ToList();
        Assert.Equal([("CheckInventory", OrderErrors.OutOfStock, 1), ("ProcessPayment", OrderErrors.PaymentDeclined, 1)], failures);
    }

    [Fact]
    public async Task Stats_refuse_a_window_that_is_not_a_duration()
    {
        using var response = await Client.GetAsync("/admin/stats?window=forever");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>The host after the known orders reached their final status, and its <c>/metrics</c> read once, as Prometheus reads it (an admin key as a bearer credential).</summary>
    public sealed class KnownOrders : TelemetryHost, IAsyncLifetime
    {
        public HttpClient Client { get; private set; } = null!;

        public PrometheusScrape Scrape { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Client = await ClientAsync();
            string[] placed =
            [
                await PlaceAsync(Client, "SKU-1"),
                await PlaceAsync(Client, "SKU-2", TestCardNetwork.Approve),
                await PlaceAsync(Client, "SKU-3", TestCardNetwork.Decline),
                await PlaceAsync(Client, "SKU-OUT"),
            ];
            foreach (var orderId in placed)
            {
                await ClosedAsync(orderId);
            }
            using var scraper = CreateClient();
            scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Get<ApiKeyIssuer>().IssueAsync("prometheus", null, isAdmin: true, CancellationToken.None));
            using var response = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Scrape = new PrometheusScrape(await response.Content.ReadAsStringAsync());
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
