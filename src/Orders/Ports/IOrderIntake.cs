namespace StepOrders.Orders.Ports;

/// <summary>
/// Accepts a new order: stores it as PENDING and queues it for its workflow. On one machine both writes (and the
/// idempotency record) are one SQLite transaction; on AWS the SQS send follows the DynamoDB write and the
/// reconciler re-queues an order whose send was lost.
/// </summary>
public interface IOrderIntake
{
    Task<IntakeResult> AcceptAsync(Order order, IdempotencyClaim? claim, CancellationToken cancellationToken);
}
