using System.Globalization;
using StepOrders.Crash.Checks;
using StepOrders.Crash.Client;
using StepOrders.Crash.Schedule;

namespace StepOrders.Crash;

/// <summary>The figures of a crash run and its verdict, printed at the end; a failing run prints how to replay its seed.</summary>
internal sealed record CrashReport(
    CrashOptions Options, string DataPath, Verdict Verdict, IReadOnlyDictionary<KillPoint, int> Kills, KillDamage Damage, OrderLedger Ledger,
    IReadOnlyList<string> HostErrors, TimeSpan Duration)
{
    private const int ListedViolations = 25;

    public bool Passed => Verdict.Passed;

    public void Write(TextWriter output)
    {
        var v = Verdict;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            crash run, seed {Options.Seed}: {Kills.Values.Sum()} kills ({Kills.GetValueOrDefault(KillPoint.Restarting)} while restarting, {Kills.GetValueOrDefault(KillPoint.MidBurst)} mid-burst, {Kills.GetValueOrDefault(KillPoint.AfterBurst)} after a burst) in {Duration.TotalMinutes:0.0} min
              cut off by the kills: {Damage.UnfinishedOrders} orders unfinished, {Damage.RunningExecutions} executions RUNNING, {Damage.QueuedMessages} messages queued (summed over the kills)
              orders: {Options.Orders} planned, {v.Accepted} answered 201 ({v.Completed} COMPLETED, {v.Failed} FAILED)
              requests: {Ledger.Attempts} sent, {Ledger.Unanswered} unanswered and sent again, {Ledger.Replayed} answered with the order stored before the answer was lost, {Ledger.ServerErrors} answered 5xx
              lost orders: {v.Lost}   double captures: {v.DoubleCaptures}   stuck executions: {v.StuckExecutions}   dead letters: {v.DeadLetters}
              host error log lines: {HostErrors.Count}
            """));
        foreach (var line in HostErrors.Distinct(StringComparer.Ordinal).Take(5))
        {
            output.WriteLine($"    {(line.Length > 400 ? line[..400] + "…" : line)}");
        }
        if (Passed)
        {
            output.WriteLine("PASSED: every invariant holds.");
            return;
        }
        output.WriteLine($"FAILED: {v.Violations.Count} violations (data kept in {DataPath})");
        foreach (var group in v.Violations.GroupBy(violation => violation.Invariant, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }
        foreach (var violation in v.Violations.Take(ListedViolations))
        {
            output.WriteLine($"    {violation}");
        }
        output.WriteLine($"replay this schedule: {Options.ReplayCommand}");
    }
}
