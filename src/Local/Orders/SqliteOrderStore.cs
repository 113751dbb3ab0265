using System.Text;
using StepOrders.Local.Data;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Local.Orders;

/// <summary>Orders in SQLite: one row per order, its history in <c>order_history</c>, listed by customer through an index.</summary>
internal sealed class SqliteOrderStore(LocalDatabase database) : IOrderStore
{
    private const string SaveStatus = """
        UPDATE orders SET status = @status, updated_at = @at, failure_step = @step, failure_error = @error, failure_cause = @cause
        WHERE id = @id AND status = @expected
        """;

    private const string LoadOrder = $"""
        SELECT status, at, detail FROM order_history WHERE order_id = @id ORDER BY seq;
        SELECT {OrderRows.Columns} FROM orders WHERE id = @id;
        """;

    /// <summary>Every workflow step loads its order, so this read runs on a lent connection with its statements prepared.</summary>
    public Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = database.RentReader();
        // One read transaction: the history and the row come from the same snapshot.
        scope.BeginSnapshot();
        using var reader = scope.Command(LoadOrder).Bind("@id", id.Value).ExecuteReader();
        var history = new List<StatusChange>();
        while (reader.Read())
        {
            history.Add(OrderRows.ReadChange(reader, 0));
        }
        reader.NextResult();
        return Task.FromResult(reader.Read() ? OrderRows.Read(reader, history) : null);
    }

    public async Task<OrderPage> ListAsync(OrderFilter filter, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        OrderId? after = null;
        if (cursor is not null)
        {
            after = OrderCursor.TryRead(cursor, out var last) ? last : throw new ArgumentException($"'{cursor}' is not a cursor of this listing.", nameof(cursor));
        }

        var where = new StringBuilder("WHERE 1 = 1");
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var snapshot = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        if (filter.CustomerId is { } customerId)
        {
            where.Append(" AND customer_id = @customer");
            command.Parameters.AddWithValue("@customer", customerId);
        }
        if (filter.Status is { } status)
        {
            where.Append(" AND status = @status");
            command.Parameters.AddWithValue("@status", (int)status);
        }
        if (after is { } afterId)
        {
            where.Append(" AND id < @after");
            command.Parameters.AddWithValue("@after", afterId.Value);
        }
        // One more than asked tells whether there is a next page; the history of the page comes in the same round trip.
        var page = $"WITH page AS (SELECT id FROM orders {where} ORDER BY id DESC LIMIT @limit)";
        command.CommandText = $"""
            {page} SELECT order_id, status, at, detail FROM order_history WHERE order_id IN page ORDER BY order_id, seq;
            {page} SELECT {OrderRows.Columns} FROM orders WHERE id IN page ORDER BY id DESC;
            """;
        command.Parameters.AddWithValue("@limit", limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var histories = new Dictionary<string, List<StatusChange>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var orderId = reader.GetString(0);
            if (!histories.TryGetValue(orderId, out var history))
            {
                histories.Add(orderId, history = []);
            }
            history.Add(OrderRows.ReadChange(reader, 1));
        }
        await reader.NextResultAsync(cancellationToken);
        var orders = new List<Order>(limit + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(OrderRows.Read(reader, histories.GetValueOrDefault(reader.GetString(0)) ?? []));
        }
        if (orders.Count <= limit)
        {
            return new OrderPage(orders, null);
        }
        orders.RemoveAt(limit);
        return new OrderPage(orders, OrderCursor.After(orders[^1].Id));
    }

    public Task<bool> TrySaveStatusChangeAsync(Order next, OrderStatus expectedStatus, CancellationToken cancellationToken) =>
        database.Writer.WriteAsync((next, expectedStatus), static (scope, change) =>
        {
            var (next, expected) = change;
            var latest = next.History[^1];
            var saved = scope.Command(SaveStatus)
                .Bind("@id", next.Id.Value)
                .Bind("@expected", (int)expected)
                .Bind("@status", (int)next.Status)
                .Bind("@at", latest.At.ToStored())
                .Bind("@step", next.Failure?.Step)
                .Bind("@error", next.Failure?.Error)
                .Bind("@cause", next.Failure?.Cause)
                .ExecuteNonQuery() == 1;
            if (saved)
            {
                OrderRows.AppendHistory(scope, next.Id, next.History.Count - 1, latest);
            }
            return saved;
        }, cancellationToken);

    public async Task<IReadOnlyList<OrderId>> ListPendingAsync(DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // status = 0 literally, so SQLite uses the partial index orders_pending.
        command.CommandText = "SELECT id FROM orders WHERE status = 0 AND created_at < @before ORDER BY id LIMIT @limit";
        command.Parameters.AddWithValue("@before", acceptedBefore.ToStored());
        command.Parameters.AddWithValue("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<OrderId>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(OrderId.Parse(reader.GetString(0)));
        }
        return ids;
    }
}
