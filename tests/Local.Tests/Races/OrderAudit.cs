using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StepOrders.Local.Data;
using StepOrders.Local.Tests.Faults;
using StepOrders.Local.Workflow;
using StepOrders.Workflow.History;

namespace StepOrders.Local.Tests.Races;

/// <summary>What one order came to, read from the API, the database and its execution's history.</summary>
public sealed record OrderAudit(string Status, long Charges, bool? ReservationReleased, int ExecutionsStarted, int Redrives)
{
    public static async Task<OrderAudit> ReadAsync(FaultHost host, HttpClient client, string orderId)
    {
        var order = await client.GetFromJsonAsync<JsonObject>($"/orders/{orderId}");
        await using var connection = await host.Get<LocalDatabase>().OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COALESCE(SUM(charges), 0) FROM captures WHERE order_id = @order),
                   (SELECT released_at IS NOT NULL FROM reservations WHERE order_id = @order)
            """;
        command.Parameters.AddWithValue("@order", orderId);
        await using var row = await command.ExecuteReaderAsync();
        await row.ReadAsync();
        var history = await host.Runtime.GetExecutionHistoryAsync(host.Get<OrderStateMachine>().ExecutionArn(orderId), maxResults: 1000);
        return new OrderAudit(
            (string)order!["status"]!,
            row.GetInt64(0),
            row.IsDBNull(1) ? null : row.GetInt64(1) == 1,
            history.Events.Count(e => e.Type == HistoryEventType.ExecutionStarted),
            history.Events.Count(e => e.Type == HistoryEventType.ExecutionRedriven));
    }
}
