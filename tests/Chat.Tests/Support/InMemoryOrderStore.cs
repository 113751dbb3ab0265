using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Chat.Tests.Support;

/// <summary>Orders in a list, newest first on listing; remembers every listing and lookup so tests can see what was read.</summary>
public sealed class InMemoryOrderStore : IOrderStore
{
    private readonly Lock _lock = new();
    private readonly List<Order> _orders = [];

    public List<OrderFilter> Listings { get; } = [];

    public List<OrderId> Lookups { get; } = [];

    public void Add(Order order)
    {
        lock (_lock)
        {
            _orders.Add(order);
        }
    }

    public Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Lookups.Add(id);
            return Task.FromResult(_orders.Find(order => order.Id == id));
        }
    }

    public Task<OrderPage> ListAsync(OrderFilter filter, int limit, string? cursor, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Listings.Add(filter);
            var skip = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
            var matching = _orders
                .Where(order => filter.CustomerId is null || order.CustomerId == filter.CustomerId)
                .Where(order => filter.Status is null || order.Status == filter.Status)
                .OrderByDescending(order => order.CreatedAt)
                .ThenByDescending(order => order.Id.Value, StringComparer.Ordinal)
                .ToList();
            var page = matching.Skip(skip).Take(limit).ToList();
            var next = skip + page.Count < matching.Count ? (skip + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new OrderPage(page, next));
        }
    }

    public Task<bool> TrySaveStatusChangeAsync(Order next, OrderStatus expectedStatus, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _orders.FindIndex(order => order.Id == next.Id);
            if (index < 0 || _orders[index].Status != expectedStatus)
            {
                return Task.FromResult(false);
            }
            _orders[index] = next;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<OrderId>> ListPendingAsync(DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<OrderId> pending = _orders
                .Where(order => order.Status == OrderStatus.Pending && order.CreatedAt < acceptedBefore)
                .OrderBy(order => order.CreatedAt)
                .Take(limit)
                .Select(order => order.Id)
                .ToList();
            return Task.FromResult(pending);
        }
    }
}
