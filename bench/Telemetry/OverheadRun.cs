using System.Globalization;
using StepOrders.Bench;

namespace StepOrders.TelemetryBench;

/// <summary>
/// What full instrumentation costs an order: two local hosts, one as shipped and one with <c>--no-telemetry</c>,
/// loaded at the same time by the same number of clients posting orders, each round starting and ending with both
/// hosts idle, so each host's CPU time over the round is everything its orders cost: the request, the queue, the
/// workflow's steps, and the instrumentation of all three (most of it is in the steps, which run after the request
/// has been answered). On a shared machine the CPU time per order is the steadier figure (throughput moves with
/// whatever else runs; the work an order takes hardly does); orders accepted per second are reported beside it.
/// </summary>
internal static class OverheadRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var options = BenchOptions.Parse(args, "telemetry bench", takesOnArguments: true, Console.Error);
        if (options is null)
        {
            return 2;
        }
        var hostDll = options.Build ? await LocalHostBuild.BuildAsync() : LocalHostBuild.Dll;

        await using var on = await HostProcess.StartAsync(hostDll, options.OnArguments);
        await using var off = await HostProcess.StartAsync(hostDll, "--no-telemetry");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"StepOrders telemetry overhead: POST /orders, {options.Concurrency} clients per host, both hosts loaded at once, {options.Round.TotalSeconds:0} s per round, {options.Rounds} rounds{(options.OnArguments.Count > 0 ? ", instrumented host with " + string.Join(' ', options.OnArguments) : "")}, {Environment.ProcessorCount} cores, load average {MachineLoad.Averages()}"));

        // Warm-up: JIT (tiered up), connection pools, SQLite caches.
        await Task.WhenAll(OrderLoad.RunAsync(on, options.Concurrency, TimeSpan.FromSeconds(8)), OrderLoad.RunAsync(off, options.Concurrency, TimeSpan.FromSeconds(8)));

        Console.WriteLine(OrderLoad.Header);
        var (onTotal, offTotal) = (default(OrderLoad), default(OrderLoad));
        for (var round = 1; round <= options.Rounds; round++)
        {
            await on.WaitUntilIdleAsync();
            await off.WaitUntilIdleAsync();
            var (onCpu, offCpu) = (on.CpuTime, off.CpuTime);
            var loads = await Task.WhenAll(OrderLoad.RunAsync(on, options.Concurrency, options.Round), OrderLoad.RunAsync(off, options.Concurrency, options.Round));
            // The orders' workflows finish after the load stops: their CPU counts once both hosts are idle again.
            await on.WaitUntilIdleAsync();
            await off.WaitUntilIdleAsync();
            var onLoad = loads[0] with { Cpu = on.CpuTime - onCpu };
            var offLoad = loads[1] with { Cpu = off.CpuTime - offCpu };
            onTotal += onLoad;
            offTotal += offLoad;
            Console.WriteLine(OrderLoad.Row(round.ToString(CultureInfo.InvariantCulture), onLoad, offLoad));
        }
        Console.WriteLine(OrderLoad.Row("all", onTotal, offTotal));
        var (rate, cpu) = (onTotal.Rate / offTotal.Rate, onTotal.CpuPerOrder / offTotal.CpuPerOrder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overhead of full instrumentation: {(cpu - 1) * 100:0.0}% more host CPU per order, {(1 - rate) * 100:0.0}% of POST /orders throughput (target ≤ 5%: {(cpu - 1 <= 0.05 ? "met" : "not met")} by CPU, {(1 - rate <= 0.05 ? "met" : "not met")} by throughput); load average at the end {MachineLoad.Averages()}"));
        return 0;
    }
}
