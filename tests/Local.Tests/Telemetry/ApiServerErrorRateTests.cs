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
        var reading = ReadingAfter((197, 201), (2, 500), (1, 503), (50, 404));

        Assert.True(reading.Breaching);
        Assert.Equal("3 of 250 requests answered 5xx (1.2%) in 5 min", reading.Reason);
    }

    [Fact]
    public void Client_errors_and_at_most_1_percent_of_5xx_leave_it_ok()
    {
        var reading = ReadingAfter((99, 200), (100, 429), (1, 500), (1, 500));

        Assert.False(reading.Breaching);
        Assert.Equal("2 of 201 requests answered 5xx (1%) in 5 min", reading.Reason);
    }

    /// <summary>The rule's reading over a 5-minute window in which the API gave these answers (how many, which status).</summary>
    private AlarmReading ReadingAfter(params (int Count, int Status)[] answers)
    {
        var before = MetricSample.From(At, _collector.Collect());
        foreach (var (count, status) in answers)
        {
            for (var i = 0; i < count; i++)
            {
                _metrics.ApiRequest("POST", "/orders/", status, TimeSpan.FromMilliseconds(5));
            }
        }
        var window = MetricSample.From(At.AddMinutes(5), _collector.Collect()).Since(before);
        return Rule.Read(new AlarmInputs(window, DeadLetters: 0, TimeSpan.FromMinutes(5)));
    }
}
