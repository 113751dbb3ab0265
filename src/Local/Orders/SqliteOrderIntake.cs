using System.Diagnostics;
using System.Text.Json;
using StepOrders.Local.Data;
using StepOrders.Local.Queue;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Steps;

namespace StepOrders.Local.Orders;

/// <summary>
/// Accepts an order in one transaction: the order row, its first history entry, the queue message that starts its
/// workflow, and the idempotency record. Nothing can be stored without being queued, so no reconciler is needed here.
/// </summary>
internal sealed class SqliteOrderIntake(LocalDatabase database, QueueArrivals arrivals, TimeProvider clock) : IOrderIntake
{
    private const string FindClaim = "SELECT order_id, fingerprint, expires_at FROM idempotency_keys WHERE scope = @scope AND key = @key";

    private const string SaveClaim = """
        INSERT OR REPLACE INTO idempotency_keys (scope, key, fingerprint, order_id, expires_at)
        VALUES (@scope, @key, @fingerprint, @order, @expires)
        """;

    public async Task<IntakeResult> AcceptAsync(Order order, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        var intake = new Intake(OrderRows.Prepare(order), claim, clock.GetUtcNow(), QueueBody(order));
        var result = await database.Writer.WriteAsync(intake, static (scope, intake) => Accept(scope, intake), cancellationToken);
        if (result is IntakeResult.Accepted)
        {
            arrivals.Announce();
        }
        return result;
    }

    private static IntakeResult Accept(WriteScope scope, Intake intake)
    {
        var (row, claim, now, body) = intake;
        var order = row.Order;
        if (claim is not null && FindLiveClaim(scope, claim, now) is { } earlier)
        {
            return earlier;
        }
        OrderRows.Insert(scope, row);
        SqliteOrderQueue.Enqueue(scope, body, now);
        if (claim is not null)
        {
            scope.Command(SaveClaim)
                .Bind("@scope", claim.Scope)
                .Bind("@key", claim.Key)
                .Bind("@fingerprint", claim.RequestFingerprint)
                .Bind("@order", order.Id.Value)
                .Bind("@expires", claim.ExpiresAt.ToStored())
                .ExecuteNonQuery();
        }
        return new IntakeResult.Accepted(order);
    }

    /// <summary>The earlier request's outcome if the key is still held; an expired claim is replaced by this request's.</summary>
    private static IntakeResult? FindLiveClaim(WriteScope scope, IdempotencyClaim claim, DateTimeOffset now)
    {
        using var row = scope.Command(FindClaim)
            .Bind("@scope", claim.Scope)
            .Bind("@key", claim.Key)
            .ExecuteReader();
        if (!row.Read() || row.ReadTime(2) <= now)
        {
            return null;
        }
        var orderId = OrderId.Parse(row.GetString(0));
        return string.Equals(row.GetString(1), claim.RequestFingerprint, StringComparison.Ordinal)
            ? new IntakeResult.Replayed(orderId)
            : new IntakeResult.KeyReused(orderId);
    }

    private static string QueueBody(Order order) =>
        JsonSerializer.Serialize(new OrderQueued(order.Id.Value, TraceParent()), StepJson.Default.OrderQueued);

    private static string? TraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    private sealed record Intake(NewOrderRow Row, IdempotencyClaim? Claim, DateTimeOffset Now, string QueueBody);
}
