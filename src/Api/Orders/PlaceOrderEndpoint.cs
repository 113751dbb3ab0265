using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StepOrders.Api.Access;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Api.Orders;

/// <summary>
/// <c>POST /orders</c>: validates the request (every broken rule named), stores the order as PENDING and queues it
/// for its workflow. An <c>Idempotency-Key</c> makes a retry return the first order instead of placing another.
/// </summary>
public static class PlaceOrderEndpoint
{
    public static async Task<Results<Created<OrderResponse>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, ApiCaller caller, IOrderIntake intake, IOrderStore store, TimeProvider clock, OrderMetrics metrics,
        CancellationToken cancellationToken)
    {
        var idempotent = request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var keys);
        var body = await RequestBody.ReadAsync(request, ApiJson.Default.PlaceOrder, fingerprint: idempotent);
        if (body.Problem is { } unreadable)
        {
            return unreadable;
        }
        var validation = OrderRules.Validate(body.Value!);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation.Errors);
        }
        var draft = validation.Draft!;
        if (!caller.MayReach(draft.CustomerId))
        {
            // 404 as for the customer's orders and order ids: a customer key cannot tell which other customers exist.
            return ApiProblems.NotFound($"There is no customer {draft.CustomerId}.");
        }
        var now = clock.GetUtcNow();
        IdempotencyClaim? claim = null;
        if (idempotent)
        {
            if (!IdempotencyKey.TryRead(keys, out var key, out var problem))
            {
                return ApiProblems.Invalid(IdempotencyKey.HeaderName, problem);
            }
            claim = new IdempotencyClaim(caller.KeyId, key, body.Fingerprint!, now + IdempotencyKey.Lifetime);
        }

        var order = Order.Place(draft, OrderId.New(now), now);
        switch (await intake.AcceptAsync(order, claim, cancellationToken))
        {
            case IntakeResult.Accepted accepted:
                metrics.OrderReceived();
                return Created(accepted.Order);
            case IntakeResult.Replayed replayed when await store.GetAsync(replayed.OrderId, cancellationToken) is { } first:
                return Created(first);
            case IntakeResult.KeyReused reused:
                return ApiProblems.Unprocessable(
                    $"The {IdempotencyKey.HeaderName} was used for another request (order {reused.OrderId}); use a new key for a new order.");
            case var other:
                throw new InvalidOperationException($"The intake answered {other}.");
        }
    }

    private static Created<OrderResponse> Created(Order order) => TypedResults.Created($"/orders/{order.Id}", OrderResponse.From(order));
}
