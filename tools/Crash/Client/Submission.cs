namespace StepOrders.Crash.Client;

/// <summary>What one <c>POST /orders</c> attempt came to.</summary>
internal abstract record Submission
{
    private Submission()
    {
    }

    /// <summary>201: the order (new, or the first one again when the key had been used).</summary>
    public sealed record Accepted(string OrderId, DateTimeOffset CreatedAt) : Submission;

    /// <summary>No answer (the host died, the request timed out) or "try later" (429, 503): send the same request again.</summary>
    public sealed record Unanswered(string Reason) : Submission;

    /// <summary>Any other status: a finding, since every planned order is valid.</summary>
    public sealed record Refused(int Status, string Body) : Submission;
}
