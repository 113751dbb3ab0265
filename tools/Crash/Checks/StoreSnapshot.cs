using System.Text.Json.Nodes;
using StepOrders.Crash.Schedule;
using StepOrders.Orders;

namespace StepOrders.Crash.Checks;

internal sealed record StoredOrder(string Id, string CustomerId, OrderStatus Status, string? FailureError, IReadOnlyList<PlannedLine> Lines);

internal sealed record StoredCapture(long Charges, bool Refunded);

internal sealed record StoredDeadLetter(long Id, string Body, int ReceiveCount);

/// <summary>The host's database (<c>steporders.db</c>) read whole, in one read transaction, through a read-only connection.</summary>
internal sealed class StoreSnapshot
{
    public Dictionary<string, StoredOrder> Orders { get; } = new(StringComparer.Ordinal);

    /// <summary>Each order's history, in <c>seq</c> order, with the seqs as stored.</summary>
    public Dictionary<string, List<(long Seq, OrderStatus Status)>> History { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredCapture> Captures { get; } = new(StringComparer.Ordinal);

    /// <summary>Reservations by order: true once released.</summary>
    public Dictionary<string, bool> Reservations { get; } = new(StringComparer.Ordinal);

    public List<(string OrderId, string Sku, long Quantity)> ReservationLines { get; } = [];

    public Dictionary<string, long> Stock { get; } = new(StringComparer.Ordinal);

    /// <summary>Idempotency keys (of any caller) and the order each holds.</summary>
    public Dictionary<string, string> IdempotencyKeys { get; } = new(StringComparer.Ordinal);

    public long QueuedMessages { get; set; }

    public List<StoredDeadLetter> DeadLetters { get; } = [];

    public static async Task<StoreSnapshot> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var snapshot = new StoreSnapshot();
        await using var connection = await Database.OpenReadOnlyAsync(path, cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        await Database.ReadAsync(connection, "SELECT id, customer_id, status, failure_error, lines FROM orders", row =>
            snapshot.Orders.Add(row.GetString(0), new StoredOrder(
                row.GetString(0), row.GetString(1), (OrderStatus)row.GetInt32(2), row.IsDBNull(3) ? null : row.GetString(3), Lines(row.GetString(4)))),
            cancellationToken);
        await Database.ReadAsync(connection, "SELECT order_id, seq, status FROM order_history ORDER BY order_id, seq", row =>
        {
            if (!snapshot.History.TryGetValue(row.GetString(0), out var history))
            {
                snapshot.History.Add(row.GetString(0), history = []);
            }
            history.Add((row.GetInt64(1), (OrderStatus)row.GetInt32(2)));
        }, cancellationToken);
        await Database.ReadAsync(connection, "SELECT order_id, charges, refunded_at FROM captures", row =>
            snapshot.Captures.Add(row.GetString(0), new StoredCapture(row.GetInt64(1), !row.IsDBNull(2))), cancellationToken);
        await Database.ReadAsync(connection, "SELECT order_id, released_at FROM reservations", row =>
            snapshot.Reservations.Add(row.GetString(0), !row.IsDBNull(1)), cancellationToken);
        await Database.ReadAsync(connection, "SELECT order_id, sku, quantity FROM reservation_lines", row =>
            snapshot.ReservationLines.Add((row.GetString(0), row.GetString(1), row.GetInt64(2))), cancellationToken);
        await Database.ReadAsync(connection, "SELECT sku, available FROM stock", row =>
            snapshot.Stock.Add(row.GetString(0), row.GetInt64(1)), cancellationToken);
        await Database.ReadAsync(connection, "SELECT key, order_id FROM idempotency_keys", row =>
            snapshot.IdempotencyKeys[row.GetString(0)] = row.GetString(1), cancellationToken);
        await Database.ReadAsync(connection, "SELECT COUNT(*) FROM queue_messages", row => snapshot.QueuedMessages = row.GetInt64(0), cancellationToken);
        await Database.ReadAsync(connection, "SELECT id, body, receive_count FROM dead_letters", row =>
            snapshot.DeadLetters.Add(new StoredDeadLetter(row.GetInt64(0), row.GetString(1), row.GetInt32(2))), cancellationToken);
        return snapshot;
    }

    private static List<PlannedLine> Lines(string json) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(line => new PlannedLine((string)line!["sku"]!, (int)line["quantity"]!, (decimal)line["unitPrice"]!))];
}
