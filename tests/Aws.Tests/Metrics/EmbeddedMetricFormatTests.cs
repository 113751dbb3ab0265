using System.Text.Json.Nodes;
using StepOrders.Aws.Metrics;

namespace StepOrders.Aws.Tests.Metrics;

public sealed class EmbeddedMetricFormatTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123);

    private static readonly KeyValuePair<string, string>[] Dimensions = [new("Service", "StepOrders"), new("Function", "ProcessPayment")];

    [Fact]
    public void A_metric_is_written_as_the_specification_shows_it()
    {
        var lines = EmbeddedMetricFormat.Write("StepOrders", Dimensions, [new EmbeddedMetric("OrdersFailed", "Count", [1])], At,
            [new("ColdStart", true), new("error", "Order.PaymentDeclined")]);

        var line = Assert.Single(lines);
        Assert.Equal(
            """{"_aws":{"Timestamp":1767225600123,"CloudWatchMetrics":[{"Namespace":"StepOrders","Dimensions":[["Service","Function"]],"Metrics":[{"Name":"OrdersFailed","Unit":"Count"}]}]},"Service":"StepOrders","Function":"ProcessPayment","OrdersFailed":1,"ColdStart":true,"error":"Order.PaymentDeclined"}""",
            line);
        Assert.Empty(EmfSchema.Violations(line));
    }

    [Fact]
    public void More_than_100_metrics_are_split_over_lines_of_at_most_100_each_carrying_the_dimensions()
    {
        var metrics = Enumerable.Range(0, 250).Select(i => new EmbeddedMetric($"Metric{i}", "Count", [i])).ToList();

        var lines = EmbeddedMetricFormat.Write("StepOrders", Dimensions, metrics, At);

        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.Empty(EmfSchema.Violations(line)));
        var definitions = lines.Select(line => JsonNode.Parse(line)!["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]!.AsArray()).ToList();
        Assert.Equal([100, 100, 50], definitions.Select(d => d.Count));
        Assert.Equal(metrics.Select(m => m.Name), definitions.SelectMany(d => d).Select(d => (string?)d!["Name"]));
    }

    [Fact]
    public void A_distribution_is_an_array_of_at_most_100_values_per_line()
    {
        var durations = Enumerable.Range(1, 150).Select(i => (double)i).ToList();

        var lines = EmbeddedMetricFormat.Write("StepOrders", Dimensions, [new EmbeddedMetric("StepDuration", "Milliseconds", durations)], At);

        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Empty(EmfSchema.Violations(line)));
        Assert.Equal(durations, lines.SelectMany(line => JsonNode.Parse(line)!["StepDuration"]!.AsArray()).Select(v => (double)v!));
    }

    [Fact]
    public void Values_that_are_not_numbers_are_left_out_and_a_metric_left_without_values_is_not_written()
    {
        var lines = EmbeddedMetricFormat.Write("StepOrders", Dimensions,
            [new EmbeddedMetric("Latency", "Milliseconds", [double.NaN, 12.5]), new EmbeddedMetric("Broken", "Count", [double.PositiveInfinity])], At);

        var line = JsonNode.Parse(Assert.Single(lines))!;
        Assert.Equal(12.5, (double)line["Latency"]!);
        Assert.Null(line["Broken"]);
        Assert.Empty(EmfSchema.Violations(lines[0]));
    }

    [Fact]
    public void The_schema_check_catches_a_metric_without_its_value()
    {
        Assert.NotEmpty(EmfSchema.Violations("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Service"]],"Metrics":[{"Name":"M","Unit":"Count"}]}]},"Service":"S"}"""));
        Assert.NotEmpty(EmfSchema.Violations("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Service"]],"Metrics":[{"Name":"M","Unit":"Things"}]}]},"Service":"S","M":1}"""));
    }
}
