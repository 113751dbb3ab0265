using StepOrders.Crash.Schedule;

namespace StepOrders.Crash.Client;

/// <summary>
/// What the client knows: which planned orders got a 201 and with which order id, how many attempts it took, and
/// what was odd (a key answered with two different orders, a refusal of a valid order).
/// </summary>
internal sealed class OrderLedger(IReadOnlyList<OrderPlan> plans)
{
    private readonly string?[] _orderIds = new string?[plans.Count];
    private readonly List<string> _findings = [];
    private int _attempts;
    private int _unanswered;
    private int _replayed;
    private int _serverErrors;

    public int Attempts => _attempts;

    public int Unanswered => _unanswered;

    /// <summary>201s whose order was created before the attempt was sent: the host had stored it and the answer was lost.</summary>
    public int Replayed => _replayed;

    public int ServerErrors => _serverErrors;

    public IReadOnlyList<string> Findings
    {
        get
        {
            lock (_findings)
            {
                return [.. _findings];
            }
        }
    }

    public string? OrderIdOf(OrderPlan plan) => Volatile.Read(ref _orderIds[plan.Number]);

    public int AcceptedCount => _orderIds.Count(id => id is not null);

    /// <summary>The planned orders up to <paramref name="upTo"/> (exclusive) that have no 201 yet, oldest first.</summary>
    public List<OrderPlan> Unaccepted(int upTo) => [.. plans.Take(upTo).Where(plan => OrderIdOf(plan) is null)];

    public void Record(OrderPlan plan, Submission submission, DateTimeOffset sentAt)
    {
        Interlocked.Increment(ref _attempts);
        switch (submission)
        {
            case Submission.Accepted accepted:
                var earlier = Interlocked.CompareExchange(ref _orderIds[plan.Number], accepted.OrderId, null);
                if (earlier is not null && earlier != accepted.OrderId)
                {
                    Find($"Idempotency-Key {plan.IdempotencyKey} was answered with order {earlier}, then with order {accepted.OrderId}.");
                }
                if (accepted.CreatedAt < sentAt)
                {
                    Interlocked.Increment(ref _replayed);
                }
                break;
            case Submission.Unanswered:
                Interlocked.Increment(ref _unanswered);
                break;
            case Submission.Refused refused:
                if (refused.Status >= 500)
                {
                    Interlocked.Increment(ref _serverErrors);
                }
                Find($"POST /orders (key {plan.IdempotencyKey}) answered {refused.Status}: {Shorten(refused.Body)}");
                break;
        }
    }

    private void Find(string finding)
    {
        lock (_findings)
        {
            _findings.Add(finding);
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
