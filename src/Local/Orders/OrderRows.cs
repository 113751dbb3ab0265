using System.Text.Json;
using Microsoft.Data.Sqlite;
using StepOrders.Local.Data;
using StepOrders.Orders;

namespace StepOrders.Local.Orders;

/// <summary>How an order maps to its row in <c>orders</c> and its rows in <c>order_history</c>.</summary>
internal static class OrderRows
{
    public const string Columns =
        "id, customer_id, status, currency, payment_token, lines, shipping_address, created_at, failure_step, failure_error, failure_cause";

    private const string InsertOrder = """
        INSERT INTO orders (id, customer_id, status, currency, payment_token, lines, shipping_address, created_at, updated_at)
        VALUES (@id, @customer, @status, @currency, @token, @lines, @address, @created, @created)
        """;

    private const string InsertHistory =
        "INSERT INTO order_history (order_id, seq, status, at, detail) VALUES (@order, @seq, @status, @at, @detail)";

    /// <summary>The order's JSON columns, worked out before the write so the writer thread only binds and steps.</summary>
    public static NewOrderRow Prepare(Order order)
    {
        var lines = new StoredLine[order.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = order.Lines[i];
            lines[i] = new StoredLine(line.Sku, line.Quantity, line.UnitPrice);
        }
        return new NewOrderRow(
            order,
            JsonSerializer.Serialize(lines, StoredOrderJson.Default.StoredLineArray),
            JsonSerializer.Serialize(order.ShippingAddress, StoredOrderJson.Default.ShippingAddress));
    }

    /// <summary>Writes a newly placed order and its first history entry.</summary>
    public static void Insert(WriteScope scope, NewOrderRow row)
    {
        var order = row.Order;
        scope.Command(InsertOrder)
            .Bind("@id", order.Id.Value)
            .Bind("@customer", order.CustomerId)
            .Bind("@status", (int)order.Status)
            .Bind("@currency", order.Currency)
            .Bind("@token", order.PaymentToken)
            .Bind("@lines", row.LinesJson)
            .Bind("@address", row.AddressJson)
            .Bind("@created", order.CreatedAt.ToStored())
            .ExecuteNonQuery();
        for (var seq = 0; seq < order.History.Count; seq++)
        {
            AppendHistory(scope, order.Id, seq, order.History[seq]);
        }
    }

    public static void AppendHistory(WriteScope scope, OrderId id, int seq, StatusChange change) =>
        scope.Command(InsertHistory)
            .Bind("@order", id.Value)
            .Bind("@seq", seq)
            .Bind("@status", (int)change.Status)
            .Bind("@at", change.At.ToStored())
            .Bind("@detail", change.Detail)
            .ExecuteNonQuery();

    /// <summary>Reads an order from a row selected with <see cref="Columns"/>, given its history.</summary>
    public static Order Read(SqliteDataReader row, IReadOnlyList<StatusChange> history)
    {
        var stored = JsonSerializer.Deserialize(row.GetString(5), StoredOrderJson.Default.StoredLineArray)
            ?? throw new InvalidDataException($"Order {row.GetString(0)} has no lines.");
        var lines = new OrderLine[stored.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new OrderLine(stored[i].Sku, stored[i].Quantity, stored[i].UnitPrice);
        }
        var failureStep = row.ReadNullableString(8);
        return new Order
        {
            Id = OrderId.Parse(row.GetString(0)),
            CustomerId = row.GetString(1),
            Status = (OrderStatus)row.GetInt32(2),
            Currency = row.GetString(3),
            PaymentToken = row.GetString(4),
            Lines = lines,
            ShippingAddress = JsonSerializer.Deserialize(row.GetString(6), StoredOrderJson.Default.ShippingAddress)
                ?? throw new InvalidDataException($"Order {row.GetString(0)} has no shipping address."),
            CreatedAt = row.ReadTime(7),
            History = history,
            Failure = failureStep is null ? null : new OrderFailure(failureStep, row.GetString(9), row.GetString(10)),
        };
    }

    public static StatusChange ReadChange(SqliteDataReader row, int first) =>
        new((OrderStatus)row.GetInt32(first), row.ReadTime(first + 1), row.GetString(first + 2));
}

/// <summary>A placed order with its JSON columns serialized.</summary>
internal sealed record NewOrderRow(Order Order, string LinesJson, string AddressJson);
