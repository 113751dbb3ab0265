using System.Buffers.Text;
using System.Text;
using StepOrders.Orders;

namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// A listing's cursor: the <c>createdKey</c> of the last order of the previous page, base64url-encoded so it is
/// opaque and URL-safe. A page continues with the orders whose key sorts before it (listings are newest first).
/// </summary>
internal static class OrderListCursor
{
    public static string Encode(string createdKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(createdKey));

    public static string Decode(string cursor)
    {
        string createdKey;
        try
        {
            createdKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw NotACursor(cursor);
        }
        var hash = createdKey.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0 || !OrderId.TryParse(createdKey[(hash + 1)..], out _))
        {
            throw NotACursor(cursor);
        }
        return createdKey;
    }

    private static ArgumentException NotACursor(string cursor) =>
        new($"'{cursor}' is not a cursor of this order listing.", nameof(cursor));
}
