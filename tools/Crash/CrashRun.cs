using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using StepOrders.Crash.Checks;
using StepOrders.Crash.Client;
using StepOrders.Crash.Host;
using StepOrders.Crash.Schedule;
using StepOrders.Crash.Stores;

namespace StepOrders.Crash;

/// <summary>
/// The crash run: start the host on one data folder, send a burst of orders, SIGKILL it at the cycle's kill point,
/// start it again, and so on; then let a last host finish every order and check the invariants.
/// </summary>
internal sealed class CrashRun(CrashOptions options, TextWriter log)
{
    public const int InitialStock = 1_000_000;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan FinalSubmitTimeout = TimeSpan.FromMinutes(2);

    private readonly List<string> _hostErrors = [];
    private readonly Dictionary<KillPoint, int> _kills = [];
    private readonly KillDamage _damage = new();
    private string _apiKey = "";

    public async Task<CrashReport> RunAsync(CancellationToken cancellationToken)
    {
        var files = new DataFiles(options.DataPath ?? Directory.CreateTempSubdirectory("steporders-crash-").FullName);
        if (Directory.Exists(files.Folder) && Directory.EnumerateFileSystemEntries(files.Folder).Any())
        {
            throw new InvalidOperationException($"The data folder {files.Folder} is not empty; a crash run starts from nothing.");
        }
        var clock = Stopwatch.StartNew();
        var schedule = CrashSchedule.Create(options.Seed, options.Cycles, options.Orders);
        var ledger = new OrderLedger(schedule.Orders);
        log.WriteLine($"crash: seed {options.Seed}, {options.Cycles} cycles, {options.Orders} orders, data {files.Folder}, engines {options.Engines}");
        _apiKey = await HostProcess.CreateAdminKeyAsync(options.HostDll, files.Folder, cancellationToken);
        await using IStoreProbe store = options.Engines == CrashOptions.AwsEngines ? await AwsStoreProbe.StartAsync() : new SqliteStoreProbe(files);

        foreach (var cycle in schedule.Cycles)
        {
            await RunCycleAsync(files, store, cycle, ledger, cancellationToken);
        }

        await using var host = await StartAsync(files, store, cancellationToken);
        using var client = host.Client(_apiKey, RequestTimeout);
        var submitDeadline = DateTime.UtcNow + FinalSubmitTimeout;
        List<OrderPlan> left;
        while ((left = ledger.Unaccepted(schedule.Orders.Count)).Count > 0 && DateTime.UtcNow < submitDeadline)
        {
            await SendAsync(new OrderSubmitter(client), left, ledger, cancellationToken);
        }
        var (quiet, counts) = await Quiescence.WaitAsync(store, files, options.QuiescenceTimeout, cancellationToken);
        log.WriteLine($"last host: {(quiet ? "quiet" : "not quiet")} after {clock.Elapsed.TotalSeconds:0} s ({counts}); checking");

        var verdict = new InvariantChecks(
            schedule.Orders, ledger, Stock(),
            await store.ReadAsync(cancellationToken),
            await WorkflowSnapshot.ReadAsync(files.Workflow, cancellationToken),
            await ApiSnapshot.ReadAsync(client, cancellationToken)).Run();
        if (!quiet)
        {
            verdict.Add("quiescence", $"the last host did not finish within {options.QuiescenceTimeout.TotalMinutes:0} minutes: {counts}.");
        }
        await host.KillAsync();
        _hostErrors.AddRange(host.Errors);

        var report = new CrashReport(options, files.Folder, verdict, _kills, _damage, ledger, _hostErrors, clock.Elapsed);
        if (verdict.Passed && options.DataPath is null)
        {
            Directory.Delete(files.Folder, recursive: true);
        }
        return report;
    }

    private async Task RunCycleAsync(DataFiles files, IStoreProbe store, CyclePlan cycle, OrderLedger ledger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var host = await StartAsync(files, store, cancellationToken);
        await using (host)
        {
            var up = started.Elapsed;
            using var client = host.Client(_apiKey, RequestTimeout);
            if (cycle.Number == 1)
            {
                await SetStockAsync(client, cancellationToken);
            }
            var plans = ledger.Unaccepted(cycle.FirstOrder + cycle.OrderCount);
            var again = plans.Count(plan => plan.Number < cycle.FirstOrder);
            var (acceptedBefore, attemptsBefore) = (ledger.AcceptedCount, ledger.Attempts);
            using var cutOff = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var burstClock = Stopwatch.StartNew();
            var killAfter = cycle.Kill == KillPoint.MidBurst ? (int)(plans.Count * cycle.BurstFraction) : int.MaxValue;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var burst = cycle.Kill == KillPoint.Restarting
                ? Task.CompletedTask
                : SendAsync(new OrderSubmitter(client), plans, ledger, cutOff.Token, sent => { if (sent >= killAfter) { reached.TrySetResult(); } });
            if (cycle.Kill == KillPoint.MidBurst)
            {
                await Task.WhenAny(burst, reached.Task);
            }
            else
            {
                await burst;
            }
            await Task.Delay(cycle.Delay, cancellationToken);
            var killedAt = burstClock.Elapsed;
            var exited = host.KillAsync();
            await cutOff.CancelAsync();
            await exited;
            await burst;
            _kills[cycle.Kill] = _kills.GetValueOrDefault(cycle.Kill) + 1;
            _hostErrors.AddRange(host.Errors);
            await _damage.CountAsync(store, files, cancellationToken);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cycle {cycle.Number}/{options.Cycles}: up in {up.TotalSeconds:0.0} s, {plans.Count} to send ({again} left by earlier cycles), {ledger.Attempts - attemptsBefore} sent, {ledger.AcceptedCount - acceptedBefore} accepted; killed {Describe(cycle.Kill)} at +{killedAt.TotalMilliseconds:0} ms"));
        }
    }

    private async Task<HostProcess> StartAsync(DataFiles files, IStoreProbe store, CancellationToken cancellationToken) =>
        await HostProcess.StartAsync(options.HostDll, files.Folder,
        [
            "--time-scale", options.TimeScale.ToString(CultureInfo.InvariantCulture),
            // Messages a killed poller held come back after 2 s rather than 30.
            "--Queue:VisibilityTimeout", "00:00:02",
            "--Logging:LogLevel:Default", "Warning",
            .. store.HostArguments,
        ], cancellationToken);

    /// <summary>Sends the orders, <see cref="CrashOptions.Concurrency"/> at a time; <paramref name="sending"/> hears how many have been sent so far.</summary>
    private async Task SendAsync(
        OrderSubmitter submitter, List<OrderPlan> plans, OrderLedger ledger, CancellationToken cancellationToken, Action<int>? sending = null)
    {
        var sent = 0;
        try
        {
            await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                async (plan, token) =>
                {
                    sending?.Invoke(Interlocked.Increment(ref sent));
                    var sentAt = DateTimeOffset.UtcNow;
                    ledger.Record(plan, await submitter.SubmitAsync(plan, token), sentAt);
                });
        }
        catch (OperationCanceledException)
        {
            // Cut off by the kill; what was not sent goes in the next cycle.
        }
    }

    /// <summary>Known stock for every SKU, set before the first order, so the checks know what it started at.</summary>
    private static async Task SetStockAsync(HttpClient client, CancellationToken cancellationToken)
    {
        foreach (var (sku, available) in Stock())
        {
            using var response = await client.PutAsJsonAsync(new Uri($"/admin/inventory/{sku}", UriKind.Relative), new StockLevel(available), cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    private static Dictionary<string, long> Stock() =>
        Enumerable.Range(1, 9).Select(i => ($"SKU-{i}", (long)InitialStock)).Append((OrderPlan.OutOfStockSku, 0L))
            .ToDictionary(stock => stock.Item1, stock => stock.Item2, StringComparer.Ordinal);

    private static string Describe(KillPoint kill) => kill switch
    {
        KillPoint.Restarting => "while restarting",
        KillPoint.MidBurst => "mid-burst",
        _ => "after the burst",
    };

    private sealed record StockLevel(long Available);
}
