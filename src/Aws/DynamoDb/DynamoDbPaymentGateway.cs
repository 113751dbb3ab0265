using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// The simulated payment processor (<see cref="TestCardNetwork"/> decides) with its captures recorded in the order's
/// partition (<c>sk = PAYMENT</c>). A capture is one conditional write, so concurrent or retried captures for an
/// order charge once and all return that capture. After a refund (compensation) the order may be captured again,
/// as a redriven order must be; <c>captures</c> counts every capture.
/// </summary>
public sealed class DynamoDbPaymentGateway(IAmazonDynamoDB dynamo, DynamoDbTables tables) : IPaymentGateway
{
    private const string PaymentSk = "PAYMENT";
    private const string PaymentId = "paymentId";
    private const string Amount = "amount";
    private const string Currency = "currency";
    private const string State = "state";
    private const string Captures = "captures";
    private const string Captured = "CAPTURED";
    private const string Refunded = "REFUNDED";

    public async Task<PaymentOutcome> CaptureAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var payment = await GetAsync(request.OrderId, cancellationToken);
            if (payment is not null && payment[State].S == Captured)
            {
                return CapturedFrom(payment);
            }
            switch (TestCardNetwork.Decide(request.Token, request.Attempt))
            {
                case PaymentDecision.Declined:
                    return new PaymentOutcome.Declined($"The card network declined {request.Token}.");
                case PaymentDecision.Unavailable:
                    return new PaymentOutcome.Unavailable($"The card network did not answer for {request.Token} (attempt {request.Attempt + 1}).");
            }
            var previous = payment is null ? 0 : int.Parse(payment[Captures].N, CultureInfo.InvariantCulture);
            if (await TryRecordCaptureAsync(request, previous, cancellationToken) is { } captured)
            {
                return captured;
            }
        }
        throw new InvalidOperationException($"The payment of order {request.OrderId} kept changing under concurrent captures.");
    }

    public async Task<bool> RefundAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tables.Orders,
                    Key = OrderItem.KeyOf(orderId, PaymentSk),
                    UpdateExpression = "SET #state = :refunded",
                    ConditionExpression = "#state = :captured",
                    ExpressionAttributeNames = new() { ["#state"] = State },
                    ExpressionAttributeValues = new() { [":refunded"] = OrderItem.S(Refunded), [":captured"] = OrderItem.S(Captured) },
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<int> CountCapturesAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        var payment = await GetAsync(orderId, cancellationToken);
        return payment is null ? 0 : int.Parse(payment[Captures].N, CultureInfo.InvariantCulture);
    }

    /// <summary>Records capture number <paramref name="previous"/> + 1, or null if another capture got there first.</summary>
    private async Task<PaymentOutcome.Captured?> TryRecordCaptureAsync(PaymentRequest request, int previous, CancellationToken cancellationToken)
    {
        var number = previous + 1;
        var paymentId = "pay_" + request.OrderId.Value["ord_".Length..] + (number == 1 ? "" : $"_{number}");
        try
        {
            await dynamo.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tables.Orders,
                    Key = OrderItem.KeyOf(request.OrderId, PaymentSk),
                    UpdateExpression = "SET #state = :captured, #paymentId = :paymentId, #amount = :amount, #currency = :currency, #captures = :number",
                    ConditionExpression = previous == 0 ? "attribute_not_exists(#state)" : "#state = :refunded AND #captures = :previous",
                    ExpressionAttributeNames = new()
                    {
                        ["#state"] = State,
                        ["#paymentId"] = PaymentId,
                        ["#amount"] = Amount,
                        ["#currency"] = Currency,
                        ["#captures"] = Captures,
                    },
                    ExpressionAttributeValues = previous == 0
                        ? CaptureValues(request, paymentId, number)
                        : new(CaptureValues(request, paymentId, number))
                        {
                            [":refunded"] = OrderItem.S(Refunded),
                            [":previous"] = OrderItem.N(previous),
                        },
                },
                cancellationToken);
            return new PaymentOutcome.Captured(paymentId, request.Amount);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    private static Dictionary<string, AttributeValue> CaptureValues(PaymentRequest request, string paymentId, int number) => new()
    {
        [":captured"] = OrderItem.S(Captured),
        [":paymentId"] = OrderItem.S(paymentId),
        [":amount"] = OrderItem.N(request.Amount.Amount),
        [":currency"] = OrderItem.S(request.Amount.Currency),
        [":number"] = OrderItem.N(number),
    };

    private static PaymentOutcome.Captured CapturedFrom(Dictionary<string, AttributeValue> payment) =>
        new(payment[PaymentId].S, new Money(OrderItem.Number(payment[Amount]), payment[Currency].S));

    private async Task<Dictionary<string, AttributeValue>?> GetAsync(OrderId orderId, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(
            new GetItemRequest { TableName = tables.Orders, Key = OrderItem.KeyOf(orderId, PaymentSk), ConsistentRead = true },
            cancellationToken);
        return response.IsItemSet && response.Item.Count > 0 ? response.Item : null;
    }
}
