using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StepOrders.Api.Tests;

/// <summary>The order JSON as a client reads it (statuses as strings, money as numbers).</summary>
public sealed record OrderBody(
    string OrderId,
    string CustomerId,
    string Status,
    List<ItemBody> Items,
    decimal Total,
    string Currency,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    List<HistoryBody> History,
    ExecutionBody? Execution,
    FailureBody? Failure)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<OrderBody> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<OrderBody>(Json) ?? throw new InvalidOperationException("No order in the response.");
}

public sealed record ItemBody(string Sku, int Quantity, decimal UnitPrice);

public sealed record HistoryBody(string Status, DateTimeOffset At, string Detail);

public sealed record ExecutionBody(string Name, string Status);

public sealed record FailureBody(string Step, string Error, string Cause);

public sealed record PageBody(List<OrderBody> Orders, string? NextCursor);
