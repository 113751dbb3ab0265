using System.Globalization;
using StepOrders.Bench;

namespace StepOrders.FrontDoorBench;

/// <summary>
/// What the front door costs POST /orders: two local hosts, one as shipped (the key looked up and its usage plan
/// applied on every request, the access log written) and one with <c>--no-front-door</c>, loaded in turns (the order
/// alternating each round, each host idle before its turn, so both see the same machine); orders accepted per second
/// and the host's CPU time per order compared in the same run. On a shared machine the CPU per order is the steadier
/// figure: throughput moves with whatever else runs, the work a request takes hardly does. The queue poller is off in
/// both, so the workflow does not share the CPU and the front door is measured against the API's own work (read,
/// validate, store, enqueue): the stricter comparison.
/// </summary>
internal static class CostRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var options = BenchOptions.Parse(args, "front door bench", takesOnArguments: false, Console.Error);
        if (options is null)
        {
            return 2;
        }
        var hostDll = options.Build ? await LocalHostBuild.BuildAsync() : LocalHostBuild.Dll;

        await using var on = await HostProcess.StartAsync(hostDll, "--Queue:PollerEnabled", "false");
        await using var off = await HostProcess.StartAsync(hostDll, "--Queue:PollerEnabled", "false", "--no-front-door");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"StepOrders front door cost: POST /orders, {options.Concurrency} clients, {options.Round.TotalSeconds:0} s per round, {options.Rounds} rounds per host, {Environment.ProcessorCount} cores, load average {MachineLoad.Averages()}"));

        // Warm-up: JIT, connection pools, SQLite caches.
        foreach (var host in new[] { on, off })
        {
            await OrderLoad.RunAsync(host, options.Concurrency, TimeSpan.FromSeconds(3));
        }

        Console.WriteLine(OrderLoad.Header);
        var totals = new Dictionary<HostProcess, OrderLoad> { [on] = default, [off] = default };
        for (var round = 1; round <= options.Rounds; round++)
        {
            var order = round % 2 == 1 ? new[] { on, off } : [off, on];
            var loads = new Dictionary<HostProcess, OrderLoad>();
            foreach (var host in order)
            {
                await on.WaitUntilIdleAsync();
                await off.WaitUntilIdleAsync();
                loads[host] = await OrderLoad.RunAsync(host, options.Concurrency, options.Round);
                totals[host] = totals[host] + loads[host];
            }
            Console.WriteLine(OrderLoad.Row(round.ToString(CultureInfo.InvariantCulture), loads[on], loads[off]));
        }
        Console.WriteLine(OrderLoad.Row("all", totals[on], totals[off]));
        var (rate, cpu) = (totals[on].Rate / totals[off].Rate, totals[on].CpuPerOrder / totals[off].CpuPerOrder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cost of the front door: {(1 - rate) * 100:0.0}% of POST /orders throughput, {(cpu - 1) * 100:0.0}% more host CPU per order (target ≤ 10%: {(cpu - 1 <= 0.10 ? "met" : "not met")} by CPU, {(1 - rate <= 0.10 ? "met" : "not met")} by throughput); load average at the end {MachineLoad.Averages()}"));
        return 0;
    }
}
