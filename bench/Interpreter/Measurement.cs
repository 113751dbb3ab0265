using System.Globalization;

namespace StepOrders.InterpreterBench;

/// <summary>One measured run: how many executions (and state transitions) in how long.</summary>
internal sealed record Measurement(string Name, int Executions, long Transitions, TimeSpan Elapsed)
{
    public double ExecutionsPerSecond => Executions / Elapsed.TotalSeconds;

    public double TransitionsPerSecond => Transitions / Elapsed.TotalSeconds;

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-34} {Executions,9:N0} {Elapsed.TotalSeconds,8:F2} s {ExecutionsPerSecond,13:N0} {TransitionsPerSecond,15:N0}");
}
