using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace StepOrders.Orders;

/// <summary>
/// Where a listing of orders continues: after the last order of the previous page. Opaque to clients (base64url),
/// but every store pages newest first by order id, so one format serves them all and a client's cursor can be
/// checked before any store is asked.
/// </summary>
public static class OrderCursor
{
    public static string After(OrderId lastOrder) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(lastOrder.Value));

    public static bool TryRead([NotNullWhen(true)] string? cursor, out OrderId lastOrder)
    {
        lastOrder = default;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 64 || !Base64Url.IsValid(cursor))
        {
            return false;
        }
        return OrderId.TryParse(Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)), out lastOrder);
    }
}
