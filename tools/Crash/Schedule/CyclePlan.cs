namespace StepOrders.Crash.Schedule;

/// <summary>When a cycle kills the host.</summary>
internal enum KillPoint
{
    /// <summary>Soon after the host answers <c>/health</c>: while it resumes executions and redelivers messages, before new orders.</summary>
    Restarting,

    /// <summary>While the burst's requests are in flight: intake commits cut off mid-batch, answers lost.</summary>
    MidBurst,

    /// <summary>After every request of the burst was answered: workflows mid-step, flaky payments waiting to retry.</summary>
    AfterBurst,
}

/// <summary>
/// One start of the host: the orders it is sent (with any left unanswered by earlier cycles), and when it is killed:
/// <see cref="Delay"/> after the host came up (<see cref="KillPoint.Restarting"/>), after the request at
/// <see cref="BurstFraction"/> of the burst was sent (<see cref="KillPoint.MidBurst"/>), or after the burst ended
/// (<see cref="KillPoint.AfterBurst"/>).
/// </summary>
internal sealed record CyclePlan(int Number, int FirstOrder, int OrderCount, KillPoint Kill, TimeSpan Delay, double BurstFraction);
