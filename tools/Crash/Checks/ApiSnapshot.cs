using System.Text.Json.Nodes;
using StepOrders.Crash.Schedule;

namespace StepOrders.Crash.Checks;

internal sealed record ListedOrder(string Id, string Status, int HistoryLength, string? ExecutionStatus);

/// <summary>The orders as the API shows them: every customer's listing, page by page, and <c>GET /orders/{id}</c> for a sample.</summary>
internal sealed class ApiSnapshot
{
    private const int SampleEvery = 25;

    public Dictionary<string, ListedOrder> Listed { get; } = new(StringComparer.Ordinal);

    /// <summary>Orders read one by one, with their execution's status.</summary>
    public Dictionary<string, ListedOrder> Fetched { get; } = new(StringComparer.Ordinal);

    public static async Task<ApiSnapshot> ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var snapshot = new ApiSnapshot();
        for (var c = 0; c < CrashSchedule.Customers; c++)
        {
            string? cursor = null;
            do
            {
                var page = $"/customers/{CrashSchedule.CustomerId(c)}/orders?limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
                var body = JsonNode.Parse(await client.GetStringAsync(new Uri(page, UriKind.Relative), cancellationToken))!;
                foreach (var order in body["orders"]!.AsArray())
                {
                    var listed = Read(order!);
                    snapshot.Listed[listed.Id] = listed;
                }
                cursor = (string?)body["nextCursor"];
            }
            while (cursor is not null);
        }
        foreach (var id in snapshot.Listed.Keys.Order(StringComparer.Ordinal).Where((_, i) => i % SampleEvery == 0).ToList())
        {
            var order = JsonNode.Parse(await client.GetStringAsync(new Uri($"/orders/{id}", UriKind.Relative), cancellationToken))!;
            snapshot.Fetched[id] = Read(order);
        }
        return snapshot;
    }

    private static ListedOrder Read(JsonNode order) =>
        new((string)order["orderId"]!, (string)order["status"]!, order["history"]!.AsArray().Count, (string?)order["execution"]?["status"]);
}
