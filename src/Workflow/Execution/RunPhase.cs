namespace StepOrders.Workflow.Execution;

/// <summary>Where an execution stands inside its current state.</summary>
internal enum RunPhase
{
    /// <summary>About to enter the state (no StateEntered event yet).</summary>
    Enter,

    /// <summary>The task was scheduled and started: invoke its handler (again, after a crash).</summary>
    TaskStarted,

    /// <summary>A retrier's wait: schedule the task again at Due.</summary>
    RetryWait,

    /// <summary>A Wait state's wait: exit the state at Due.</summary>
    Waiting,

    /// <summary>A Parallel state's branches or a Map state's iterations are running (after a crash: run them again).</summary>
    Branches,

    /// <summary>The execution is closed.</summary>
    Closed,
}
