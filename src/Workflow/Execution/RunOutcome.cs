namespace StepOrders.Workflow.Execution;

/// <summary>Why <see cref="Interpreter.RunAsync"/> returned: closed, parked until <see cref="Due"/>, or shut down.</summary>
internal readonly record struct RunOutcome(bool Closed, DateTimeOffset? Due)
{
    public static RunOutcome Completed { get; } = new(true, null);

    public static RunOutcome Shutdown { get; } = new(false, null);

    public static RunOutcome ParkedUntil(DateTimeOffset due) => new(false, due);
}
