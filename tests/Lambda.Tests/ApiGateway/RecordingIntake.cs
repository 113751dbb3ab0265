using System.Collections.Concurrent;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Lambda.Tests.ApiGateway;

/// <summary>An intake that accepts every order and keeps it, with the idempotency claim it came with.</summary>
internal sealed class RecordingIntake : IOrderIntake
{
    public ConcurrentQueue<(Order Order, IdempotencyClaim? Claim)> Accepted { get; } = new();

    public Task<IntakeResult> AcceptAsync(Order order, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        Accepted.Enqueue((order, claim));
        return Task.FromResult<IntakeResult>(new IntakeResult.Accepted(order));
    }
}
