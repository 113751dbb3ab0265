namespace StepOrders.Crash.Checks;

/// <summary>What the checks found after the last host went quiet: the headline counts and every violation.</summary>
internal sealed class Verdict
{
    private readonly List<Violation> _violations = [];

    public int Accepted { get; set; }

    public int Completed { get; set; }

    public int Failed { get; set; }

    /// <summary>Accepted orders missing from the store or not in a final status.</summary>
    public int Lost { get; set; }

    /// <summary>Orders charged more than once.</summary>
    public int DoubleCaptures { get; set; }

    /// <summary>Executions still RUNNING, or missing for an accepted order.</summary>
    public int StuckExecutions { get; set; }

    public int DeadLetters { get; set; }

    public IReadOnlyList<Violation> Violations => _violations;

    public bool Passed => _violations.Count == 0;

    public void Add(string invariant, string detail) => _violations.Add(new Violation(invariant, detail));
}
