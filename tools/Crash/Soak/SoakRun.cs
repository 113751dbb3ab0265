using System.Diagnostics;
using System.Globalization;
using StepOrders.Crash.Checks;
using StepOrders.Crash.Client;
using StepOrders.Crash.Host;
using StepOrders.Crash.Schedule;
using StepOrders.Crash.Stores;

namespace StepOrders.Crash.Soak;

/// <summary>
/// The soak run: one host, no kills, <see cref="CrashOptions.Soak"/> orders sent at a steady
/// <see cref="CrashOptions.Rate"/> per second (open loop: a slow host does not slow the sending). Every window it
/// prints orders accepted and finished per second, the host's memory and the size of its files; at the end, bytes
/// per 1,000 orders and what is left in the queue and the idempotency table.
/// </summary>
internal sealed class SoakRun(CrashOptions options, TextWriter log)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public async Task<SoakResult> RunAsync(CancellationToken cancellationToken)
    {
        var total = options.Soak ?? 0;
        var files = new DataFiles(options.DataPath ?? Directory.CreateTempSubdirectory("steporders-soak-").FullName);
        var schedule = CrashSchedule.Create(options.Seed, cycles: 1, orders: total);
        var ledger = new OrderLedger(schedule.Orders);
        var apiKey = await HostProcess.CreateAdminKeyAsync(options.HostDll, files.Folder, cancellationToken);
        await using var host = await HostProcess.StartAsync(options.HostDll, files.Folder,
            ["--time-scale", options.TimeScale.ToString(CultureInfo.InvariantCulture), "--Logging:LogLevel:Default", "Warning"], cancellationToken);
        using var client = host.Client(apiKey, TimeSpan.FromSeconds(30));
        var submitter = new OrderSubmitter(client);
        log.WriteLine($"soak: {total} orders at {options.Rate}/s, seed {options.Seed}, data {files.Folder}");
        log.WriteLine("  minute  accepted/s  finished/s  RSS MiB  files MiB  queued  idempotency keys");

        var clock = Stopwatch.StartNew();
        using var sending = new SemaphoreSlim(options.Concurrency * 8);
        var inFlight = new List<Task>();
        var (lastAccepted, lastFinished, lastAt, nextReport) = (0, 0L, TimeSpan.Zero, Window);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / options.Rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }
            await sending.WaitAsync(cancellationToken);
            var plan = schedule.Orders[i];
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    var sentAt = DateTimeOffset.UtcNow;
                    ledger.Record(plan, await submitter.SubmitAsync(plan, cancellationToken), sentAt);
                }
                finally
                {
                    sending.Release();
                }
            }, cancellationToken));
            if (clock.Elapsed >= nextReport)
            {
                (lastAccepted, lastFinished, lastAt) = await ReportAsync(host, files, ledger, clock.Elapsed, lastAccepted, lastFinished, lastAt, cancellationToken);
                nextReport += Window;
                inFlight.RemoveAll(task => task.IsCompleted);
            }
        }
        await Task.WhenAll(inFlight);
        var sendTime = clock.Elapsed;
        var (quiet, left) = await Quiescence.WaitAsync(new SqliteStoreProbe(files), files, options.QuiescenceTimeout, cancellationToken);
        await ReportAsync(host, files, ledger, clock.Elapsed, lastAccepted, lastFinished, lastAt, cancellationToken);
        var bytes = FileBytes(files);
        var result = new SoakResult(
            total, ledger.AcceptedCount, sendTime, clock.Elapsed, host.PeakResidentMiB(), bytes * 1000.0 / Math.Max(1, ledger.AcceptedCount) / 1024 / 1024,
            await Database.CountAsync(files.Store, "SELECT COUNT(*) FROM queue_messages", cancellationToken),
            await Database.CountAsync(files.Store, "SELECT COUNT(*) FROM idempotency_keys", cancellationToken),
            quiet, left, ledger.ServerErrors, Files(files));
        result.Write(log);
        if (options.DataPath is null)
        {
            Directory.Delete(files.Folder, recursive: true);
        }
        return result;
    }

    private async Task<(int Accepted, long Finished, TimeSpan At)> ReportAsync(
        HostProcess host, DataFiles files, OrderLedger ledger, TimeSpan now, int lastAccepted, long lastFinished, TimeSpan lastAt, CancellationToken cancellationToken)
    {
        var accepted = ledger.AcceptedCount;
        var finished = await Database.CountAsync(files.Store, "SELECT COUNT(*) FROM orders WHERE status IN (5, 6)", cancellationToken);
        var queued = await Database.CountAsync(files.Store, "SELECT COUNT(*) FROM queue_messages", cancellationToken);
        var keys = await Database.CountAsync(files.Store, "SELECT COUNT(*) FROM idempotency_keys", cancellationToken);
        var seconds = Math.Max(0.001, (now - lastAt).TotalSeconds);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {now.TotalMinutes,6:0.0}  {(accepted - lastAccepted) / seconds,10:0}  {(finished - lastFinished) / seconds,10:0}  {ResidentMiB(host),7:0}  {FileBytes(files) / 1024.0 / 1024,9:0.0}  {queued,6}  {keys,16}"));
        return (accepted, finished, now);
    }

    private static double? ResidentMiB(HostProcess host) => host.ResidentMiB();

    private static long FileBytes(DataFiles files) =>
        new DirectoryInfo(files.Folder).EnumerateFiles().Sum(file => file.Length);

    private static string Files(DataFiles files) => string.Join(", ", new DirectoryInfo(files.Folder).EnumerateFiles()
        .OrderBy(file => file.Name, StringComparer.Ordinal)
        .Select(file => string.Create(CultureInfo.InvariantCulture, $"{file.Name} {file.Length / 1024.0 / 1024:0.0} MiB")));
}

/// <summary>A soak run's figures.</summary>
internal sealed record SoakResult(
    int Planned, int Accepted, TimeSpan SendTime, TimeSpan Duration, double? PeakResidentMiB, double MiBPerThousandOrders,
    long QueueRowsLeft, long IdempotencyKeys, bool Quiet, string Left, int ServerErrors, string Files)
{
    public bool Passed => Quiet && Accepted == Planned && ServerErrors == 0 && QueueRowsLeft == 0;

    public void Write(TextWriter output) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        soak run: {Accepted} of {Planned} orders accepted in {SendTime.TotalMinutes:0.0} min ({Accepted / SendTime.TotalSeconds:0}/s), all finished after {Duration.TotalMinutes:0.0} min ({(Quiet ? "quiet" : "NOT quiet: " + Left)})
          host peak RSS {PeakResidentMiB:0} MiB; data files {MiBPerThousandOrders:0.00} MiB per 1,000 orders ({Files}); queue rows left {QueueRowsLeft}; idempotency records {IdempotencyKeys} (kept 24 h, purged hourly after that); 5xx answers {ServerErrors}
        {(Passed ? "PASSED" : "FAILED")}
        """));
}
