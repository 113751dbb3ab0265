namespace StepOrders.Orders;

/// <summary>
/// The simulated card network's answers for the documented test tokens: <c>tok_decline</c> declines,
/// <c>tok_flaky</c> is unavailable on the first two attempts and approves on the third, anything else approves.
/// Deterministic, so every run of a test sees the same thing.
/// </summary>
public static class TestCardNetwork
{
    public const string Approve = "tok_approve";
    public const string Decline = "tok_decline";
    public const string Flaky = "tok_flaky";
    public const int FlakyFailures = 2;

    public static PaymentDecision Decide(string token, int attempt) => token switch
    {
        Decline => PaymentDecision.Declined,
        Flaky when attempt < FlakyFailures => PaymentDecision.Unavailable,
        _ => PaymentDecision.Approved,
    };
}

public enum PaymentDecision
{
    Approved,
    Declined,
    Unavailable,
}
