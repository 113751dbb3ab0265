using System.Text.Json.Nodes;
using StepOrders.Aws.Metrics;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Aws.Tests.Metrics;

public sealed class EmbeddedMetricRecorderTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly OrderMetrics _metrics = new();
    private readonly EmbeddedMetricRecorder _recorder;

    public EmbeddedMetricRecorderTests() => _recorder = new EmbeddedMetricRecorder(_metrics, "prod");

    public void Dispose()
    {
        _recorder.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public void An_invocation_measurements_become_lines_in_the_StepOrders_namespace_by_service_stage_and_function()
    {
        _metrics.StepFinished("ProcessPayment", succeeded: false, TimeSpan.FromMilliseconds(40));
        _metrics.StepFinished("ProcessPayment", succeeded: false, TimeSpan.FromMilliseconds(60));
        _metrics.OrderFailed("ProcessPayment", "Order.PaymentDeclined", TimeSpan.FromSeconds(2));

        var lines = _recorder.Drain("ProcessPayment", At, [new("requestId", "r-1")]);

        Assert.All(lines, line => Assert.Empty(EmfSchema.Violations(line)));
        var documents = lines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.All(documents, document =>
        {
            Assert.Equal("StepOrders", (string?)document["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]);
            Assert.Equal(["Service", "Stage", "Function"], document["_aws"]!["CloudWatchMetrics"]![0]!["Dimensions"]![0]!.AsArray().Select(d => (string?)d));
            Assert.Equal(("StepOrders", "prod", "ProcessPayment", "r-1"),
                ((string?)document["Service"], (string?)document["Stage"], (string?)document["Function"], (string?)document["requestId"]));
            Assert.Equal(At.ToUnixTimeMilliseconds(), (long)document["_aws"]!["Timestamp"]!);
        });
        var steps = documents.Single(document => document["StepDuration"] is not null);
        Assert.Equal([40.0, 60.0], steps["StepDuration"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(("ProcessPayment", "failed"), ((string?)steps["state"], (string?)steps["outcome"]));
        var failed = documents.Single(document => document["OrdersFailed"] is not null);
        Assert.Equal(1, (double)failed["OrdersFailed"]!);
        Assert.Equal("Order.PaymentDeclined", (string?)failed["error"]);
        Assert.Equal(2000, (double)documents.Single(document => (string?)document["status"] == "FAILED")["OrderDuration"]!);
    }

    [Fact]
    public void Counters_are_summed_and_a_drained_invocation_is_not_written_again()
    {
        _metrics.ExecutionStarted();
        _metrics.ExecutionStarted();
        _recorder.Count("ColdStart");

        var first = _recorder.Drain("StartOrderWorkflow", At, []);
        var second = _recorder.Drain("StartOrderWorkflow", At, []);

        var line = JsonNode.Parse(Assert.Single(first))!;
        Assert.Equal(2, (double)line["ExecutionsStarted"]!);
        Assert.Equal(1, (double)line["ColdStart"]!);
        Assert.Empty(second);
    }

    [Fact]
    public void Each_stage_writes_its_metrics_under_its_own_Stage_dimension()
    {
        using var dev = new EmbeddedMetricRecorder(_metrics, "dev");
        _metrics.OrderCompleted(TimeSpan.FromSeconds(1));

        var prodLine = JsonNode.Parse(_recorder.Drain("CompleteOrder", At, []).Single(line => line.Contains("OrdersCompleted", StringComparison.Ordinal)))!;
        var devLine = JsonNode.Parse(dev.Drain("CompleteOrder", At, []).Single(line => line.Contains("OrdersCompleted", StringComparison.Ordinal)))!;

        Assert.Equal(("prod", "dev"), ((string?)prodLine["Stage"], (string?)devLine["Stage"]));
    }

    [Fact]
    public void A_recorder_without_a_stage_is_refused() =>
        Assert.Throws<ArgumentException>(() => new EmbeddedMetricRecorder(_metrics, ""));

    [Theory]
    [InlineData("steporders.orders.failed", "OrdersFailed")]
    [InlineData("steporders.api.request.duration", "ApiRequestDuration")]
    [InlineData("steporders.queue.oldest_age", "QueueOldestAge")]
    public void Instrument_names_become_CloudWatch_names(string instrument, string metric) =>
        Assert.Equal(metric, EmbeddedMetricRecorder.CloudWatchName(instrument));
}
