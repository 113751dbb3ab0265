using System.Text.Json.Nodes;

namespace StepOrders.Cdk.Tests;

[Collection(SynthesizedStacksCollection.Name)]
public sealed class OrderAlarmsTests(SynthesizedStacks stacks)
{
    private JsonNode Alarm(string name) =>
        stacks.Dev.Single("AWS::CloudWatch::Alarm", alarm => (string?)alarm["Properties"]!["AlarmName"] == name)["Properties"]!;

    [Fact]
    public void Each_function_alarms_when_more_than_1_percent_of_its_invocations_fail()
    {
        foreach (var function in StackSettings.DeclaredFunctions())
        {
            var alarm = Alarm($"steporders-dev-{function.Name}-error-rate");
            var metrics = alarm["Metrics"]!.AsArray();
            var expression = metrics.Single(m => m!["Expression"] is not null)!;

            Assert.Equal(1, (double)alarm["Threshold"]!);
            Assert.Equal("GreaterThanThreshold", (string?)alarm["ComparisonOperator"]);
            Assert.Equal("IF(invocations > 0, 100 * errors / invocations, 0)", (string?)expression["Expression"]);
            Assert.Equal(["Errors", "Invocations"], metrics.Where(m => m!["MetricStat"] is not null)
                .Select(m => (string)m!["MetricStat"]!["Metric"]!["MetricName"]!).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void More_than_1_percent_of_final_orders_failing_raises_an_alarm_on_the_steps_EMF_metrics()
    {
        var alarm = Alarm("steporders-dev-order-error-rate");
        var metrics = alarm["Metrics"]!.AsArray();
        var stats = metrics.Where(m => m!["MetricStat"] is not null).Select(m => m!["MetricStat"]!["Metric"]!).ToList();

        Assert.Equal(1, (double)alarm["Threshold"]!);
        Assert.Equal("IF(completed + failed > 0, 100 * failed / (completed + failed), 0)", (string?)metrics.Single(m => m!["Expression"] is not null)!["Expression"]);
        Assert.All(stats, metric => Assert.Equal("StepOrders", (string?)metric["Namespace"]));
        Assert.Equal(["OrdersCompleted/CompleteOrder", "OrdersFailed/MarkOrderFailed"], stats
            .Select(metric => $"{metric["MetricName"]}/{metric["Dimensions"]!.AsArray().Single(d => (string?)d!["Name"] == "Function")!["Value"]}")
            .Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_stage_s_order_error_rate_selects_its_own_stage_s_EMF_metrics(string stage)
    {
        var stack = stage == "dev" ? stacks.Dev : stacks.Prod;
        var alarm = stack.Single("AWS::CloudWatch::Alarm", alarm => (string?)alarm["Properties"]!["AlarmName"] == $"steporders-{stage}-order-error-rate")["Properties"]!;
        var stats = alarm["Metrics"]!.AsArray().Where(m => m!["MetricStat"] is not null).Select(m => m!["MetricStat"]!["Metric"]!).ToList();

        Assert.Equal(2, stats.Count);
        Assert.All(stats, metric => Assert.Equal(
            ["Function", "Service=StepOrders", $"Stage={stage}"],
            metric["Dimensions"]!.AsArray().Select(d => (string?)d!["Name"] == "Function" ? "Function" : $"{d["Name"]}={d["Value"]}").Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_stage_s_dashboard_charts_its_own_stage_s_EMF_metrics_only(string stage)
    {
        var stack = stage == "dev" ? stacks.Dev : stacks.Prod;
        // The body is a Fn::Join of JSON text around the resources' references (inside JSON strings); the EMF metrics reference none.
        var body = JsonNode.Parse(string.Concat(stack.Single("AWS::CloudWatch::Dashboard", _ => true)["Properties"]!["DashboardBody"]!["Fn::Join"]![1]!.AsArray()
            .Select(part => part is JsonValue text ? (string?)text : "?")))!;
        var emf = body["widgets"]!.AsArray()
            .SelectMany(widget => widget!["properties"]!["metrics"]?.AsArray() ?? [])
            .Select(metric => metric!.AsArray().Select(part => part is JsonValue ? (string?)part : null).OfType<string>().ToList())
            .Where(metric => metric[0] == "StepOrders")
            .Select(metric => string.Join(' ', metric))
            .Order(StringComparer.Ordinal);

        // CDK writes a widget metric's dimensions sorted by name.
        Assert.Equal(
            [
                $"StepOrders ApiRequestDuration Function Api Service StepOrders Stage {stage}",
                $"StepOrders OrdersCompleted Function CompleteOrder Service StepOrders Stage {stage}",
                $"StepOrders OrdersFailed Function MarkOrderFailed Service StepOrders Stage {stage}",
            ],
            emf);
    }

    [Fact]
    public void The_API_alarms_when_its_p99_latency_is_over_3_seconds()
    {
        var alarm = Alarm("steporders-dev-api-latency-p99");

        Assert.Equal("Latency", (string?)alarm["MetricName"]);
        Assert.Equal("p99", (string?)alarm["ExtendedStatistic"]);
        Assert.Equal(3000, (double)alarm["Threshold"]!);
    }

    [Fact]
    public void The_API_alarms_when_more_than_1_percent_of_its_answers_are_5xx()
    {
        var alarm = Alarm("steporders-dev-api-5xx-rate");
        var metrics = alarm["Metrics"]!.AsArray();

        Assert.Equal(1, (double)alarm["Threshold"]!);
        Assert.Equal("IF(requests > 0, 100 * errors / requests, 0)", (string?)metrics.Single(m => m!["Expression"] is not null)!["Expression"]);
        Assert.Equal(["5XXError", "Count"], metrics.Where(m => m!["MetricStat"] is not null)
            .Select(m => (string)m!["MetricStat"]!["Metric"]!["MetricName"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_message_in_the_dead_letter_queue_raises_an_alarm()
    {
        var alarm = Alarm("steporders-dev-dead-letters");

        Assert.Equal("ApproximateNumberOfMessagesVisible", (string?)alarm["MetricName"]);
        Assert.Equal(0, (double)alarm["Threshold"]!);
        Assert.Equal("GreaterThanThreshold", (string?)alarm["ComparisonOperator"]);
    }

    [Fact]
    public void A_failed_execution_raises_an_alarm()
    {
        var alarm = Alarm("steporders-dev-executions-failed");

        Assert.Equal("ExecutionsFailed", (string?)alarm["MetricName"]);
        Assert.Equal("AWS/States", (string?)alarm["Namespace"]);
        Assert.Equal(0, (double)alarm["Threshold"]!);
    }

    [Fact]
    public void Every_alarm_notifies_the_alarm_topic_when_it_fires_and_when_it_is_ok_again()
    {
        var topic = stacks.Dev.LogicalId(stacks.Dev.Single("AWS::SNS::Topic", _ => true));

        Assert.All(stacks.Dev.Resources("AWS::CloudWatch::Alarm").Values, alarm =>
        {
            Assert.Equal(topic, (string?)alarm["Properties"]!["AlarmActions"]![0]!["Ref"]);
            Assert.Equal(topic, (string?)alarm["Properties"]!["OKActions"]![0]!["Ref"]);
        });
    }

    [Fact]
    public void The_dashboard_shows_the_API_functions_queues_workflow_and_alarms()
    {
        var dashboard = stacks.Dev.Single("AWS::CloudWatch::Dashboard", _ => true)["Properties"]!;
        var body = dashboard["DashboardBody"]!.ToJsonString();

        Assert.Equal("StepOrders-dev", (string?)dashboard["DashboardName"]);
        foreach (var title in new[] { "API latency", "Function errors", "Dead letters", "Workflow executions", "Orders", "Alarms" })
        {
            Assert.Contains(title, body, StringComparison.Ordinal);
        }
    }
}
