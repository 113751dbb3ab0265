using StepOrders.Crash;

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
var report = await new CrashRun(options, Console.Out).RunAsync(stop.Token);
report.Write(Console.Out);
return report.Passed ? 0 : 1;
