using StepOrders.Workflow.Jsonata;

namespace StepOrders.Workflow.Tests.Jsonata;

/// <summary>
/// One evaluator shared by the tests that need no particular clock or randomness: engines take
/// a while to start, and the evaluator is built to be shared.
/// </summary>
internal static class Evaluators
{
    public static JsonataEvaluator Shared { get; } = new(TimeProvider.System, new Random(1));
}

/// <summary>A clock that always reads the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
