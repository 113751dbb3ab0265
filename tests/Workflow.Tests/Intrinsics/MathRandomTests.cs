using StepOrders.Workflow.Intrinsics;

namespace StepOrders.Workflow.Tests.Intrinsics;

public class MathRandomTests
{
    [Fact]
    public void Numbers_fall_between_start_inclusive_and_end_exclusive()
    {
        var context = new IntrinsicContext(new Random(42));
        var call = IntrinsicFunctions.Parse("States.MathRandom(1, 4)");

        var numbers = Enumerable.Range(0, 200).Select(_ => (long)IntrinsicFunctions.Evaluate(call, _ => null, context)!).ToHashSet();

        Assert.Equal([1, 2, 3], numbers.Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_number()
    {
        var first = Intrinsic.Evaluate("States.MathRandom(1, 1000000, 7)", seed: 1);
        var second = Intrinsic.Evaluate("States.MathRandom(1, 1000000, 7)", seed: 2);

        Assert.Equal((long)first!, (long)second!);
    }

    [Fact]
    public void The_injected_source_makes_runs_repeatable() =>
        Assert.Equal(
            (long)Intrinsic.Evaluate("States.MathRandom(0, 1000000)", seed: 5)!,
            (long)Intrinsic.Evaluate("States.MathRandom(0, 1000000)", seed: 5)!);

    [Theory]
    [InlineData("States.MathRandom(5, 5)", "the start (5) must be less than the end (5)")]
    [InlineData("States.MathRandom(1)", "expected 2 to 3 arguments but received 1")]
    [InlineData("States.MathRandom(0, 3000000000)", "argument 2 (3000000000) is outside the range -2147483648 to 2147483647")]
    public void Invalid_bounds_fail(string expression, string problem) =>
        Assert.Equal($"Invalid arguments in States.MathRandom: {problem}.", Intrinsic.Failure(expression).Cause);
}
