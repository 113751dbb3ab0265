using StepOrders.Crash;
using StepOrders.Crash.Fuzz;
using StepOrders.Crash.Soak;

if (!CrashOptions.TryParse(args, out var options, out var problem))
{
    await Console.Error.WriteLineAsync(problem);
    await Console.Error.WriteLineAsync(CrashOptions.Usage);
    return 2;
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
if (options.Soak is not null)
{
    var soak = await new SoakRun(options, Console.Out).RunAsync(stop.Token);
    return soak.Passed ? 0 : 1;
}
if (options.Fuzz is not null)
{
    var fuzz = await new FuzzRun(options, Console.Out).RunAsync(stop.Token);
    return fuzz.Passed ? 0 : 1;
}
var report = await new CrashRun(options, Console.Out).RunAsync(stop.Token);
report.Write(Console.Out);
return report.Passed ? 0 : 1;
