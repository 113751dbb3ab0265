using StepOrders.Crash.Fuzz;

namespace StepOrders.Crash.Tests;

public sealed class FuzzRunTests
{
    /// <summary>The CI size of <c>tools/Crash --fuzz 100000</c>: the same mix of hostile requests, seeded.</summary>
    [Fact]
    public async Task Three_thousand_hostile_requests_get_a_2xx_or_a_4xx_in_the_documented_shape_and_never_a_500()
    {
        var options = new CrashOptions { Fuzz = 3_000, Seed = 20_251_125 };
        var log = new StringWriter();

        var report = await new FuzzRun(options, log).RunAsync(CancellationToken.None);

        Assert.True(report.Passed, log.ToString());
        Assert.Equal(3_000, report.Sent);
        Assert.Equal((0, 0, 0), (report.ServerErrors, report.WrongShape, report.Hangs));
    }
}
