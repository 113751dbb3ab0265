using System.Globalization;
using Amazon.DynamoDBv2.Model;
using StepOrders.Orders;

namespace StepOrders.Aws.DynamoDb;

/// <summary>An order as a DynamoDB item of the orders table, and back. Written by hand so it stays AOT-friendly.</summary>
internal static class OrderItem
{
    public const string OrderId = "orderId";
    public const string Sk = "sk";
    public const string OrderSk = "ORDER";
    public const string CustomerId = "customerId";
    public const string Status = "status";
    public const string StatusShard = "statusShard";
    public const string CreatedKey = "createdKey";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string Currency = "currency";
    public const string PaymentToken = "paymentToken";
    public const string Lines = "lines";
    public const string ShippingAddress = "shippingAddress";
    public const string History = "history";
    public const string Failure = "failure";

    public static Dictionary<string, AttributeValue> Key(OrderId id) => KeyOf(id, OrderSk);

    public static Dictionary<string, AttributeValue> KeyOf(OrderId id, string sk) => new()
    {
        [OrderId] = S(id.Value),
        [Sk] = S(sk),
    };

    /// <summary>Creation time to the tick, then the id: sorts by time, ties broken by id, unique per order.</summary>
    public static string CreatedKeyOf(Order order) => CreatedKeyOf(order.CreatedAt) + "#" + order.Id.Value;

    /// <summary>The key prefix of orders created at <paramref name="at"/>; every such order's key sorts after it.</summary>
    public static string CreatedKeyOf(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// How many partition key values each status has in the <c>byStatusShard</c> index. One value per status would put
    /// every order's passage through that status on one index partition, written at its newest end, and DynamoDB
    /// takes at most 1,000 write units a second per partition, so the index, and with it the table, would throttle
    /// at a few hundred orders a second; eight spread each status over eight partitions.
    /// </summary>
    public const int StatusShards = 8;

    /// <summary>The order's <c>byStatusShard</c> key: its status and a shard fixed by its id (<c>VALIDATING#5</c>).</summary>
    public static string StatusShardOf(OrderStatus status, OrderId id) => StatusShardOf(status, ShardOf(id));

    public static string StatusShardOf(OrderStatus status, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{status.ToWireName()}#{shard}");

    /// <summary>FNV-1a of the id, so an order keeps its shard across processes and status changes.</summary>
    public static int ShardOf(OrderId id)
    {
        var hash = 2166136261u;
        foreach (var c in id.Value)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % StatusShards);
    }

    public static Dictionary<string, AttributeValue> ToItem(Order order)
    {
        var item = Key(order.Id);
        item[CustomerId] = S(order.CustomerId);
        item[Status] = S(order.Status.ToWireName());
        item[StatusShard] = S(StatusShardOf(order.Status, order.Id));
        item[CreatedKey] = S(CreatedKeyOf(order));
        item[CreatedAt] = S(Time(order.CreatedAt));
        item[UpdatedAt] = S(Time(order.UpdatedAt));
        item[Currency] = S(order.Currency);
        item[PaymentToken] = S(order.PaymentToken);
        item[Lines] = new AttributeValue { L = order.Lines.Select(LineAttribute).ToList() };
        item[ShippingAddress] = AddressAttribute(order.ShippingAddress);
        item[History] = new AttributeValue { L = order.History.Select(ChangeAttribute).ToList() };
        if (order.Failure is { } failure)
        {
            item[Failure] = FailureAttribute(failure);
        }
        return item;
    }

    public static Order FromItem(Dictionary<string, AttributeValue> item) => new()
    {
        Id = Orders.OrderId.Parse(item[OrderId].S),
        CustomerId = item[CustomerId].S,
        Status = ParseStatus(item[Status].S),
        CreatedAt = ParseTime(item[CreatedAt].S),
        Currency = item[Currency].S,
        PaymentToken = item[PaymentToken].S,
        Lines = item[Lines].L.Select(l => new OrderLine(l.M["sku"].S, int.Parse(l.M["quantity"].N, CultureInfo.InvariantCulture), Number(l.M["unitPrice"]))).ToList(),
        ShippingAddress = Address(item[ShippingAddress].M),
        History = item[History].L.Select(h => new StatusChange(ParseStatus(h.M["status"].S), ParseTime(h.M["at"].S), h.M["detail"].S)).ToList(),
        Failure = item.TryGetValue(Failure, out var failure) && failure.M is { } f
            ? new OrderFailure(f["step"].S, f["error"].S, f["cause"].S)
            : null,
    };

    public static AttributeValue ChangeAttribute(StatusChange change) => new()
    {
        M = new()
        {
            ["status"] = S(change.Status.ToWireName()),
            ["at"] = S(Time(change.At)),
            ["detail"] = S(change.Detail),
        },
    };

    public static AttributeValue FailureAttribute(OrderFailure failure) => new()
    {
        M = new()
        {
            ["step"] = S(failure.Step),
            ["error"] = S(failure.Error),
            ["cause"] = S(failure.Cause),
        },
    };

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static decimal Number(AttributeValue value) => decimal.Parse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Round-trip ISO 8601 in UTC, so stored times compare as text and read back to the tick.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static OrderStatus ParseStatus(string text) =>
        OrderLifecycle.TryParseWireName(text, out var status) ? status : throw new FormatException($"'{text}' is not an order status.");

    private static AttributeValue LineAttribute(OrderLine line) => new()
    {
        M = new()
        {
            ["sku"] = S(line.Sku),
            ["quantity"] = N(line.Quantity),
            ["unitPrice"] = N(line.UnitPrice),
        },
    };

    private static AttributeValue AddressAttribute(ShippingAddress address)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["name"] = S(address.Name),
            ["line1"] = S(address.Line1),
            ["city"] = S(address.City),
            ["postalCode"] = S(address.PostalCode),
            ["country"] = S(address.Country),
        };
        if (address.Line2 is { } line2)
        {
            map["line2"] = S(line2);
        }
        return new AttributeValue { M = map };
    }

    private static ShippingAddress Address(Dictionary<string, AttributeValue> map) => new(
        map["name"].S,
        map["line1"].S,
        map.TryGetValue("line2", out var line2) ? line2.S : null,
        map["city"].S,
        map["postalCode"].S,
        map["country"].S);
}
