using StepOrders.Orders;

namespace StepOrders.Orders.Tests;

public class OrderIdTests
{
    [Fact]
    public void New_ids_have_the_ord_prefix_and_parse_back()
    {
        var id = OrderId.New(DateTimeOffset.UnixEpoch.AddYears(56));

        Assert.StartsWith("ord_", id.Value, StringComparison.Ordinal);
        Assert.Equal(30, id.Value.Length);
        Assert.Equal(id, OrderId.Parse(id.Value));
    }

    [Fact]
    public void Ids_sort_by_creation_time()
    {
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 50).Select(i => OrderId.New(start.AddMilliseconds(i * 7)).Value).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_ids_made_in_the_same_millisecond_differ()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.NotEqual(OrderId.New(now), OrderId.New(now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ord_")]
    [InlineData("ord_01JDZ0000000000000000000000")]
    [InlineData("ord_01JDZ00000000000000000000I")]
    [InlineData("ord_81JDZ0000000000000000000000")]
    [InlineData("xyz_01JDZ000000000000000000000")]
    [InlineData("ORD_01JDZ000000000000000000000")]
    public void Malformed_ids_do_not_parse(string text)
    {
        Assert.False(OrderId.TryParse(text, out _));
    }
}
