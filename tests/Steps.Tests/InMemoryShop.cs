using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Steps.Tests;

/// <summary>Plain in-memory stand-ins for the ports, enough to drive the steps directly.</summary>
internal sealed class InMemoryShop : IOrderStore, IInventory, IPaymentGateway
{
    private readonly ConcurrentDictionary<OrderId, Order> _orders = new();
    private readonly Dictionary<string, int> _stock = new(StringComparer.Ordinal);
    private readonly Dictionary<OrderId, IReadOnlyList<OrderLine>> _reservations = new();
    private readonly HashSet<OrderId> _released = [];
    private readonly HashSet<OrderId> _settled = [];
    private readonly Dictionary<OrderId, PaymentOutcome.Captured> _captures = new();
    private readonly HashSet<OrderId> _refunds = [];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public int ChargeCount { get; private set; }

    public Order Place(string token = TestCardNetwork.Approve, params OrderLine[] lines)
    {
        var draft = new OrderDraft(
            "cust-1",
            lines.Length > 0 ? lines : [new OrderLine("SKU-1", 2, 10m)],
            new Currency("EUR", 2),
            new ShippingAddress("Ada", "1 Way", null, "London", "N1", "GB"),
            token);
        var order = Order.Place(draft, OrderId.New(Clock.GetUtcNow()), Clock.GetUtcNow());
        _orders[order.Id] = order;
        return order;
    }

    public Order this[OrderId id] => _orders[id];

    /// <summary>While set, the store answers as a SQLite file locked past its busy timeout or a throttled table does.</summary>
    public bool StoreUnavailable { get; set; }

    public Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken) =>
        StoreUnavailable ? throw Unavailable() : Task.FromResult(_orders.GetValueOrDefault(id));

    public Task<OrderPage> ListAsync(OrderFilter filter, int limit, string? cursor, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<bool> TrySaveStatusChangeAsync(Order next, OrderStatus expectedStatus, CancellationToken cancellationToken)
    {
        if (StoreUnavailable)
        {
            throw Unavailable();
        }
        var current = _orders[next.Id];
        return Task.FromResult(current.Status == expectedStatus && _orders.TryUpdate(next.Id, next, current));
    }

    public Task<IReadOnlyList<OrderId>> ListPendingAsync(DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OrderId>>(_orders.Values
            .Where(o => o.Status == OrderStatus.Pending && o.CreatedAt < acceptedBefore)
            .OrderBy(o => o.CreatedAt).Take(limit).Select(o => o.Id).ToList());

    public Task<ReservationOutcome> ReserveAsync(OrderId orderId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken)
    {
        if (_reservations.ContainsKey(orderId))
        {
            return Task.FromResult<ReservationOutcome>(new ReservationOutcome.Reserved(lines.Sum(l => l.Quantity)));
        }
        foreach (var line in lines)
        {
            var available = _stock.GetValueOrDefault(line.Sku);
            if (available < line.Quantity)
            {
                return Task.FromResult<ReservationOutcome>(new ReservationOutcome.OutOfStock(line.Sku, line.Quantity, available));
            }
        }
        foreach (var line in lines)
        {
            _stock[line.Sku] -= line.Quantity;
        }
        _reservations[orderId] = lines;
        return Task.FromResult<ReservationOutcome>(new ReservationOutcome.Reserved(lines.Sum(l => l.Quantity)));
    }

    public Task<bool> ReleaseAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        if (!_reservations.TryGetValue(orderId, out var lines) || _settled.Contains(orderId))
        {
            return Task.FromResult(false);
        }
        if (_released.Add(orderId))
        {
            foreach (var line in lines)
            {
                _stock[line.Sku] += line.Quantity;
            }
        }
        return Task.FromResult(true);
    }

    public Task<bool> SettleAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        if (!_reservations.ContainsKey(orderId) || _released.Contains(orderId))
        {
            return Task.FromResult(false);
        }
        _settled.Add(orderId);
        return Task.FromResult(true);
    }

    public bool IsSettled(OrderId orderId) => _settled.Contains(orderId);

    public Task SetAvailableAsync(string sku, int available, CancellationToken cancellationToken)
    {
        _stock[sku] = available;
        return Task.CompletedTask;
    }

    public Task<int?> GetAvailableAsync(string sku, CancellationToken cancellationToken) =>
        Task.FromResult(_stock.TryGetValue(sku, out var n) ? n : (int?)null);

    public Task<PaymentOutcome> CaptureAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        if (_captures.TryGetValue(request.OrderId, out var earlier))
        {
            return Task.FromResult<PaymentOutcome>(earlier);
        }
        switch (TestCardNetwork.Decide(request.Token, request.Attempt))
        {
            case PaymentDecision.Declined:
                return Task.FromResult<PaymentOutcome>(new PaymentOutcome.Declined("Card declined."));
            case PaymentDecision.Unavailable:
                return Task.FromResult<PaymentOutcome>(new PaymentOutcome.Unavailable("Processor busy."));
            default:
                ChargeCount++;
                var captured = new PaymentOutcome.Captured("pay_" + request.OrderId.Value, request.Amount);
                _captures[request.OrderId] = captured;
                return Task.FromResult<PaymentOutcome>(captured);
        }
    }

    public Task<bool> RefundAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        if (!_captures.ContainsKey(orderId))
        {
            return Task.FromResult(false);
        }
        _refunds.Add(orderId);
        return Task.FromResult(true);
    }

    public bool WasRefunded(OrderId orderId) => _refunds.Contains(orderId);

    public Task<int> CountCapturesAsync(OrderId orderId, CancellationToken cancellationToken) =>
        Task.FromResult(_captures.ContainsKey(orderId) ? 1 : 0);

    private static StoreUnavailableException Unavailable() => new("The order store is busy; nothing was written.");
}
