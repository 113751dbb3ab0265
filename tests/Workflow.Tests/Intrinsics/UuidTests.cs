namespace StepOrders.Workflow.Tests.Intrinsics;

public class UuidTests
{
    [Fact]
    public void A_version_4_uuid_comes_from_the_injected_source()
    {
        var first = (string?)Intrinsic.Evaluate("States.UUID()", seed: 9);
        var again = (string?)Intrinsic.Evaluate("States.UUID()", seed: 9);
        var other = (string?)Intrinsic.Evaluate("States.UUID()", seed: 10);

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Arguments_are_rejected() =>
        Assert.Equal("Invalid arguments in States.UUID: expected 0 arguments but received 1.", Intrinsic.Failure("States.UUID(1)").Cause);
}
