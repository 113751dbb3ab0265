using StepOrders.Local.Data;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Local.Inventory;

/// <summary>
/// Stock in SQLite. A reservation takes every line of an order or none: the writer checks all lines and then takes
/// them in one write, and no other write can come between. Stock never goes below zero (a CHECK holds it there too).
/// A reservation ends released (<c>released_at</c>, its stock given back) or settled (<c>settled_at</c>, its stock
/// gone with the order), never both: each end is one conditional write that requires the other end to be absent.
/// </summary>
internal sealed class SqliteInventory(LocalDatabase database, TimeProvider clock) : IInventory
{
    private const string FindReservation = "SELECT units, released_at FROM reservations WHERE order_id = @order";
    private const string Available = "SELECT available FROM stock WHERE sku = @sku";
    private const string Take = "UPDATE stock SET available = available - @quantity WHERE sku = @sku";
    private const string GiveBack = "UPDATE stock SET available = available + @quantity WHERE sku = @sku";
    private const string SaveReservation = """
        INSERT INTO reservations (order_id, units, reserved_at) VALUES (@order, @units, @at)
        ON CONFLICT (order_id) DO UPDATE SET units = excluded.units, reserved_at = excluded.reserved_at, released_at = NULL
        """;
    private const string ClearLines = "DELETE FROM reservation_lines WHERE order_id = @order";
    private const string SaveLine = "INSERT INTO reservation_lines (order_id, sku, quantity) VALUES (@order, @sku, @quantity)";
    private const string ReservedLines = "SELECT sku, quantity FROM reservation_lines WHERE order_id = @order";
    private const string MarkReleased = "UPDATE reservations SET released_at = @at WHERE order_id = @order AND released_at IS NULL AND settled_at IS NULL";
    private const string MarkSettled = "UPDATE reservations SET settled_at = COALESCE(settled_at, @at) WHERE order_id = @order AND released_at IS NULL";
    private const string SetStock = "INSERT INTO stock (sku, available) VALUES (@sku, @available) ON CONFLICT (sku) DO UPDATE SET available = excluded.available";

    public Task<ReservationOutcome> ReserveAsync(OrderId orderId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken)
    {
        // Two lines of one SKU draw on one stock figure.
        var wanted = lines.GroupBy(line => line.Sku, StringComparer.Ordinal)
            .Select(group => (Sku: group.Key, Quantity: group.Sum(line => line.Quantity)))
            .ToArray();
        return database.Writer.WriteAsync((orderId, wanted, at: clock.GetUtcNow()), static (scope, request) =>
        {
            var (orderId, wanted, at) = request;
            using (var existing = scope.Command(FindReservation).Bind("@order", orderId.Value).ExecuteReader())
            {
                if (existing.Read() && existing.IsDBNull(1))
                {
                    return new ReservationOutcome.Reserved(existing.GetInt32(0));
                }
            }
            foreach (var (sku, quantity) in wanted)
            {
                var available = scope.Command(Available).Bind("@sku", sku).ExecuteScalar() is long stock ? (int)stock : 0;
                if (available < quantity)
                {
                    return (ReservationOutcome)new ReservationOutcome.OutOfStock(sku, quantity, available);
                }
            }
            var units = wanted.Sum(line => line.Quantity);
            scope.Command(SaveReservation).Bind("@order", orderId.Value).Bind("@units", units).Bind("@at", at.ToStored()).ExecuteNonQuery();
            scope.Command(ClearLines).Bind("@order", orderId.Value).ExecuteNonQuery();
            foreach (var (sku, quantity) in wanted)
            {
                scope.Command(Take).Bind("@sku", sku).Bind("@quantity", quantity).ExecuteNonQuery();
                scope.Command(SaveLine).Bind("@order", orderId.Value).Bind("@sku", sku).Bind("@quantity", quantity).ExecuteNonQuery();
            }
            return new ReservationOutcome.Reserved(units);
        }, cancellationToken);
    }

    public Task<bool> ReleaseAsync(OrderId orderId, CancellationToken cancellationToken) =>
        database.Writer.WriteAsync((orderId, at: clock.GetUtcNow()), static (scope, request) =>
        {
            if (scope.Command(MarkReleased).Bind("@order", request.orderId.Value).Bind("@at", request.at.ToStored()).ExecuteNonQuery() == 0)
            {
                return false;
            }
            var lines = new List<(string Sku, long Quantity)>();
            using (var rows = scope.Command(ReservedLines).Bind("@order", request.orderId.Value).ExecuteReader())
            {
                while (rows.Read())
                {
                    lines.Add((rows.GetString(0), rows.GetInt64(1)));
                }
            }
            foreach (var (sku, quantity) in lines)
            {
                scope.Command(GiveBack).Bind("@sku", sku).Bind("@quantity", quantity).ExecuteNonQuery();
            }
            return true;
        }, cancellationToken);

    /// <summary>One write: the stock stays taken (a settled reservation is one not released), and settling again changes nothing.</summary>
    public Task<bool> SettleAsync(OrderId orderId, CancellationToken cancellationToken) =>
        database.Writer.WriteAsync((orderId, at: clock.GetUtcNow()), static (scope, request) =>
            scope.Command(MarkSettled).Bind("@order", request.orderId.Value).Bind("@at", request.at.ToStored()).ExecuteNonQuery() == 1,
            cancellationToken);

    public Task SetAvailableAsync(string sku, int available, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        return database.Writer.WriteAsync((sku, available), static (scope, stock) =>
            scope.Command(SetStock).Bind("@sku", stock.sku).Bind("@available", stock.available).ExecuteNonQuery(), cancellationToken);
    }

    public async Task<int?> GetAvailableAsync(string sku, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Available;
        command.Parameters.AddWithValue("@sku", sku);
        return await command.ExecuteScalarAsync(cancellationToken) is long available ? (int)available : null;
    }
}
