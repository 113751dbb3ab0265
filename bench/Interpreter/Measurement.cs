using System.Globalization;

namespace StepOrders.InterpreterBench;

/// <summary>
/// One measured run: how many executions (and state transitions) in how long, and, when known, the bytes the
/// process allocated and the CPU time it used meanwhile: figures the machine's load hardly moves, to compare
/// changes on a busy machine.
/// </summary>
internal sealed record Measurement(
    string Name, int Executions, long Transitions, TimeSpan Elapsed, long? AllocatedBytes = null, TimeSpan? Cpu = null)
{
    public double ExecutionsPerSecond => Executions / Elapsed.TotalSeconds;

    public double TransitionsPerSecond => Transitions / Elapsed.TotalSeconds;

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-34} {Executions,9:N0} {Elapsed.TotalSeconds,8:F2} s {ExecutionsPerSecond,13:N0} {TransitionsPerSecond,15:N0} {(AllocatedBytes is { } bytes ? (bytes / 1024.0 / Executions).ToString("N1", CultureInfo.InvariantCulture) : ""),14} {(Cpu is { } cpu ? (cpu.TotalMicroseconds / Executions).ToString("N0", CultureInfo.InvariantCulture) : ""),16}");
}
