using System.Globalization;
using StepOrders.Local.Data;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Local.Payments;

/// <summary>
/// The card network of the test tokens (<see cref="TestCardNetwork"/>), with its captures kept in SQLite. The
/// captures table has one row per order at most (UNIQUE order id), so a retried or redelivered payment step finds the
/// first capture and charges nothing more.
/// </summary>
internal sealed class SimulatedPaymentGateway(LocalDatabase database, TimeProvider clock) : IPaymentGateway
{
    private const string FindCapture = "SELECT payment_id, amount, currency, refunded_at FROM captures WHERE order_id = @order";

    private const string SaveCapture = """
        INSERT INTO captures (payment_id, order_id, amount, currency, captured_at) VALUES (@payment, @order, @amount, @currency, @at)
        ON CONFLICT (order_id) DO UPDATE SET
            payment_id = excluded.payment_id, amount = excluded.amount, currency = excluded.currency,
            captured_at = excluded.captured_at, refunded_at = NULL, charges = charges + 1
        """;

    private const string Refund = "UPDATE captures SET refunded_at = @at WHERE order_id = @order AND refunded_at IS NULL";

    public Task<PaymentOutcome> CaptureAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        database.Writer.WriteAsync((request, at: clock.GetUtcNow()), static (scope, capture) =>
        {
            var (request, at) = capture;
            var refunded = false;
            using (var existing = scope.Command(FindCapture).Bind("@order", request.OrderId.Value).ExecuteReader())
            {
                if (existing.Read())
                {
                    if (existing.IsDBNull(3))
                    {
                        var amount = decimal.Parse(existing.GetString(1), NumberStyles.Number, CultureInfo.InvariantCulture);
                        return new PaymentOutcome.Captured(existing.GetString(0), new Money(amount, existing.GetString(2)));
                    }
                    refunded = true;
                }
            }
            switch (TestCardNetwork.Decide(request.Token, request.Attempt))
            {
                case PaymentDecision.Declined:
                    return new PaymentOutcome.Declined($"The card network declined {request.Token}.");
                case PaymentDecision.Unavailable:
                    return new PaymentOutcome.Unavailable($"The card network did not answer for {request.Token} (attempt {request.Attempt + 1}).");
            }
            // An order whose capture was refunded (it failed after paying) and that was redriven pays again, under a new id.
            var paymentId = "pay_" + request.OrderId.Value["ord_".Length..] + (refunded ? "_" + at.UtcTicks.ToString(CultureInfo.InvariantCulture) : "");
            scope.Command(SaveCapture)
                .Bind("@payment", paymentId)
                .Bind("@order", request.OrderId.Value)
                .Bind("@amount", request.Amount.Amount.ToString(CultureInfo.InvariantCulture))
                .Bind("@currency", request.Amount.Currency)
                .Bind("@at", at.ToStored())
                .ExecuteNonQuery();
            return (PaymentOutcome)new PaymentOutcome.Captured(paymentId, request.Amount);
        }, cancellationToken);

    public Task<bool> RefundAsync(OrderId orderId, CancellationToken cancellationToken) =>
        database.Writer.WriteAsync((orderId, at: clock.GetUtcNow()), static (scope, refund) =>
            scope.Command(Refund).Bind("@order", refund.orderId.Value).Bind("@at", refund.at.ToStored()).ExecuteNonQuery() == 1,
            cancellationToken);

    public async Task<int> CountCapturesAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(charges), 0) FROM captures WHERE order_id = @order";
        command.Parameters.AddWithValue("@order", orderId.Value);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
