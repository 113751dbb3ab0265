using StepOrders.Local.Telemetry.Alarms;
using StepOrders.Local.Telemetry.Metrics;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Local.Tests.Telemetry;

/// <summary>The API error-rate alarm counts the answers with a 5xx among all the API's answers in the window.</summary>
public sealed class ApiServerErrorRateTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);
    private static readonly AlarmRule Rule = AlarmRule.All.Single(rule => rule.Name == "ApiServerErrorRate");

    private readonly OrderMetrics _metrics = new();
    private readonly MetricCollector _collector;

    public ApiServerErrorRateTests() => _collector = new MetricCollector(_metrics);

    public void Dispose()
    {
        _collector.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public void Answers_with_a_5xx_over_1_percent_of_the_window_s_requests_raise_it()
    {
        var before = MetricSample.From(At, _collector.Collect());
        Answer(197, 201);
        Answer(2, 500);
        Answer(1, 503);
        Answer(50, 404);
        var window = MetricSample.From(At.AddMinutes(5), _collector.Collect()).Since(before);

        var reading = Rule.Read(new AlarmInputs(window, DeadLetters: 0, TimeSpan.FromMinutes(5)));

        Assert.True(reading.Breaching);
        Assert.Equal("3 of 250 requests answered 5xx (1.2%) in 5 min", reading.Reason);
    }

    [Fact]
    public void Client_errors_and_at_most_1_percent_of_5xx_leave_it_ok()
    {
        var before = MetricSample.From(At, _collector.Collect());
        Answer(99, 200);
        Answer(100, 429);
        Answer(1, 500);
        Answer(1, 500);
        var window = MetricSample.From(At.AddMinutes(5), _collector.Collect()).Since(before);

        var reading = Rule.Read(new AlarmInputs(window, DeadLetters: 0, TimeSpan.FromMinutes(5)));

        Assert.False(reading.Breaching);
        Assert.Equal("2 of 201 requests answered 5xx (1%) in 5 min", reading.Reason);
    }

    private void Answer(int count, int status)
    {
        for (var i = 0; i < count; i++)
        {
            _metrics.ApiRequest("POST", "/orders/", status, TimeSpan.FromMilliseconds(5));
        }
    }
}
