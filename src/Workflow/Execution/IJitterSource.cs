namespace StepOrders.Workflow.Execution;

/// <summary>Randomness for FULL jitter (ASL: JitterStrategy), injected so tests are deterministic.</summary>
public interface IJitterSource
{
    /// <summary>A number in [0, 1).</summary>
    double Next();
}

/// <summary>Jitter from a <see cref="System.Random"/>; the lock makes a seeded Random safe to share.</summary>
public sealed class RandomJitterSource(Random random) : IJitterSource
{
    private readonly Lock gate = new();

    public RandomJitterSource()
        : this(Random.Shared)
    {
    }

    public double Next()
    {
        lock (gate)
        {
            return random.NextDouble();
        }
    }
}
