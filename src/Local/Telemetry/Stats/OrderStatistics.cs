using System.Text.Json;
using StepOrders.Local.Data;
using StepOrders.Local.Orders;
using StepOrders.Orders;

namespace StepOrders.Local.Telemetry.Stats;

/// <summary>
/// The business figures of <c>GET /admin/stats</c>, computed from the SQLite data (orders and their history), so they
/// survive restarts and agree with what <c>GET /orders</c> shows: the orders placed in the window, how many completed
/// or failed, revenue by currency (completed orders' totals), the time each order spent in each step's status
/// (p50/p99, from consecutive history entries), end-to-end latency, and the commonest failures.
/// </summary>
internal sealed class OrderStatistics(LocalDatabase database, TimeProvider clock)
{
    private const int TopFailures = 5;

    private const string PlacedOrders =
        "SELECT id, status, currency, lines, created_at, updated_at, failure_step, failure_error FROM orders WHERE created_at >= @from";

    private const string PlacedHistory = """
        SELECT h.order_id, h.status, h.at FROM order_history h JOIN orders o ON o.id = h.order_id
        WHERE o.created_at >= @from ORDER BY h.order_id, h.seq
        """;

    public async Task<StatsReport> ReadAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var to = clock.GetUtcNow();
        var from = to - window;
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var (placed, completed, failed) = (0, 0, 0);
        var revenue = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var endToEnd = new List<double>();
        var failures = new Dictionary<(string Step, string Error), int>();
        await using (var orders = connection.CreateCommand())
        {
            orders.CommandText = PlacedOrders;
            orders.Parameters.AddWithValue("@from", from.ToStored());
            await using var rows = await orders.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                placed++;
                var status = (OrderStatus)rows.GetInt32(1);
                if (status.IsFinal())
                {
                    endToEnd.Add((rows.ReadTime(5) - rows.ReadTime(4)).TotalMilliseconds);
                }
                if (status == OrderStatus.Completed)
                {
                    completed++;
                    var lines = JsonSerializer.Deserialize(rows.GetString(3), StoredOrderJson.Default.StoredLineArray) ?? [];
                    revenue[rows.GetString(2)] = revenue.GetValueOrDefault(rows.GetString(2)) + lines.Sum(line => line.Quantity * line.UnitPrice);
                }
                else if (status == OrderStatus.Failed)
                {
                    failed++;
                    var reason = (rows.ReadNullableString(6) ?? "", rows.ReadNullableString(7) ?? "");
                    failures[reason] = failures.GetValueOrDefault(reason) + 1;
                }
            }
        }

        var inStatus = new Dictionary<OrderStatus, List<double>>();
        await using (var history = connection.CreateCommand())
        {
            history.CommandText = PlacedHistory;
            history.Parameters.AddWithValue("@from", from.ToStored());
            await using var rows = await history.ExecuteReaderAsync(cancellationToken);
            (string Order, OrderStatus Status, DateTimeOffset At)? previous = null;
            while (await rows.ReadAsync(cancellationToken))
            {
                var entry = (Order: rows.GetString(0), Status: (OrderStatus)rows.GetInt32(1), At: rows.ReadTime(2));
                if (previous is { } before && before.Order == entry.Order && !before.Status.IsFinal())
                {
                    // Each step moves the order to its status first, so the time in a status is the time in its step.
                    (inStatus.TryGetValue(before.Status, out var spans) ? spans : inStatus[before.Status] = []).Add((entry.At - before.At).TotalMilliseconds);
                }
                previous = entry;
            }
        }

        return new StatsReport(
            window.TotalSeconds,
            from,
            to,
            "sqlite",
            new OrderCounts(placed, completed, failed, placed - completed - failed),
            Math.Round(placed / window.TotalHours, 3),
            completed + failed > 0 ? Math.Round((double)completed / (completed + failed), 4) : null,
            revenue,
            Latency.Of(endToEnd),
            [.. inStatus.OrderBy(step => step.Key).Select(step => StepLatency.Of(step.Key.StepName(), step.Value))],
            [.. failures.OrderByDescending(failure => failure.Value).ThenBy(failure => failure.Key.Step, StringComparer.Ordinal)
                .Take(TopFailures).Select(failure => new FailureReason(failure.Key.Step, failure.Key.Error, failure.Value))]);
    }
}
