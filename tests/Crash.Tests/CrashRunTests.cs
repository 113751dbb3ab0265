using StepOrders.Crash.Schedule;

namespace StepOrders.Crash.Tests;

public sealed class CrashRunTests
{
    /// <summary>The quick mode of the nightly run (100 cycles over 10,000 orders): the same schedule at a fifth of the size.</summary>
    [Fact]
    public Task Twenty_kill_restart_cycles_lose_no_order_and_charge_no_order_twice() =>
        AssertNothingLostAsync(new CrashOptions { Cycles = 20, Orders = 300, Seed = 20_251_125 });

    /// <summary>The same promise with orders, stock, payments and queue in DynamoDB and SQS (dynalite and fauxqs), which outlive each kill.</summary>
    [Fact]
    public Task Ten_kill_restart_cycles_on_the_AWS_engines_lose_no_order_and_charge_no_order_twice() =>
        AssertNothingLostAsync(new CrashOptions { Cycles = 10, Orders = 150, Seed = 20_251_207, Engines = CrashOptions.AwsEngines });

    [Fact]
    public void A_seed_gives_the_same_schedule_every_time()
    {
        var first = CrashSchedule.Create(7, cycles: 10, orders: 100);
        var again = CrashSchedule.Create(7, cycles: 10, orders: 100);

        Assert.Equal(first.Cycles, again.Cycles);
        Assert.Equal(first.Orders.Select(o => Convert.ToBase64String(o.Body)), again.Orders.Select(o => Convert.ToBase64String(o.Body)));
        Assert.Equal(100, first.Cycles.Sum(c => c.OrderCount));
        Assert.Contains(first.Orders, o => o.Expected.Error == "Order.OutOfStock");
        Assert.Contains(first.Orders, o => o.Expected.Error == "Order.PaymentDeclined");
        Assert.Contains(first.Orders, o => o.Token == "tok_flaky");
    }

    /// <summary>Runs the schedule: every cycle killed, every order accepted, none lost, none charged twice, none stuck.</summary>
    private static async Task AssertNothingLostAsync(CrashOptions options)
    {
        var log = new StringWriter();

        var report = await new CrashRun(options, log).RunAsync(CancellationToken.None);

        report.Write(log);
        Assert.True(report.Passed, log.ToString());
        Assert.Equal(options.Orders, report.Verdict.Accepted);
        Assert.Equal(options.Cycles, report.Kills.Values.Sum());
        Assert.Equal((0, 0, 0), (report.Verdict.Lost, report.Verdict.DoubleCaptures, report.Verdict.StuckExecutions));
    }
}
