using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.DynamoDb;

/// <summary>
/// Accepts an order on AWS: claims the idempotency key (a conditional put), writes the order (a conditional put),
/// then sends the queue message. DynamoDB and SQS share no transaction, so a send can be lost after the order is
/// stored: the order then stays PENDING with no execution, and the reconciler (<see cref="IOrderStore.ListPendingAsync"/>)
/// queues it again. The claim comes first so that a crash between the two writes leaves a claim without an order,
/// which the client's retry completes, rather than an order without a claim, which a retry would duplicate.
/// </summary>
/// <remarks>
/// Single-item conditional writes rather than TransactWriteItems: each step is idempotent on its own, and the
/// stand-in (dynalite) implements no transactions, so this is the path the tests exercise.
/// </remarks>
public sealed partial class DynamoDbOrderIntake(
    IAmazonDynamoDB dynamo,
    DynamoDbTables tables,
    DynamoDbOrderStore store,
    IOrderQueue queue,
    TimeProvider clock,
    ILogger<DynamoDbOrderIntake> logger) : IOrderIntake
{
    public async Task<IntakeResult> AcceptAsync(Order order, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        var accepted = order;
        if (claim is not null)
        {
            var earlier = await ClaimAsync(claim, order.Id, cancellationToken);
            if (earlier is not null)
            {
                var earlierId = OrderId.Parse(earlier[IdempotencyItem.OrderId].S);
                if (!string.Equals(earlier[IdempotencyItem.Fingerprint].S, claim.RequestFingerprint, StringComparison.Ordinal))
                {
                    return new IntakeResult.KeyReused(earlierId);
                }
                if (await store.GetAsync(earlierId, cancellationToken) is not null)
                {
                    return new IntakeResult.Replayed(earlierId);
                }
                // The earlier request claimed the key and stopped before writing its order: this retry, with the
                // same body, writes it under the claimed id.
                accepted = order with { Id = earlierId };
            }
        }
        if (!await store.TryInsertAsync(accepted, cancellationToken))
        {
            return new IntakeResult.Replayed(accepted.Id);
        }
        try
        {
            await queue.SendAsync(new OrderQueued(accepted.Id.Value, Activity.Current?.Id), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendLost(e, accepted.Id.Value);
        }
        return new IntakeResult.Accepted(accepted);
    }

    /// <summary>Claims the key for <paramref name="orderId"/>; returns null if claimed now, else the live earlier claim.</summary>
    private async Task<Dictionary<string, AttributeValue>?> ClaimAsync(IdempotencyClaim claim, OrderId orderId, CancellationToken cancellationToken)
    {
        // Twice at most: a claim that expires between the failed put and the read is claimed on the second try.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await dynamo.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = tables.Idempotency,
                        Item = IdempotencyItem.ToItem(claim, orderId),
                        // TTL deletion lags expiry by up to days, so an expired claim is overwritten here.
                        ConditionExpression = "attribute_not_exists(#key) OR #expiresAt <= :now",
                        ExpressionAttributeNames = new() { ["#key"] = IdempotencyItem.Key, ["#expiresAt"] = IdempotencyItem.ExpiresAt },
                        ExpressionAttributeValues = new() { [":now"] = OrderItem.N(clock.GetUtcNow().ToUnixTimeSeconds()) },
                    },
                    cancellationToken);
                return null;
            }
            catch (ConditionalCheckFailedException)
            {
                var earlier = await dynamo.GetItemAsync(
                    new GetItemRequest
                    {
                        TableName = tables.Idempotency,
                        Key = new() { [IdempotencyItem.Key] = IdempotencyItem.KeyOf(claim) },
                        ConsistentRead = true,
                    },
                    cancellationToken);
                if (earlier.IsItemSet && earlier.Item.Count > 0 && OrderItem.Number(earlier.Item[IdempotencyItem.ExpiresAt]) > clock.GetUtcNow().ToUnixTimeSeconds())
                {
                    return earlier.Item;
                }
                if (attempt == 1)
                {
                    throw new InvalidOperationException($"Idempotency key '{claim.Key}' could not be claimed; it changed while being read.");
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} is stored but its queue message was not sent; the reconciler will queue it")]
    private partial void LogSendLost(Exception exception, string orderId);
}
