using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Sqs;

/// <summary>
/// The order queue on SQS. Visibility, receive counts and dead-lettering are SQS's own (the RedrivePolicy's
/// maxReceiveCount); listing and redriving dead letters read the dead-letter queue with ReceiveMessage, since SQS
/// has no way to look at a message without receiving it.
/// </summary>
public sealed class SqsOrderQueue(IAmazonSQS sqs, SqsQueues queues) : IOrderQueue
{
    /// <summary>SQS's caps: 10 messages per receive, 20 s of long polling, 12 h of visibility.</summary>
    private const int MaxBatch = 10;
    private const int MaxWaitSeconds = 20;
    private const int MaxVisibilitySeconds = 43_200;

    /// <summary>How long dead letters stay hidden while a listing or redrive pages through the dead-letter queue.</summary>
    private const int BrowseVisibilitySeconds = 30;

    /// <summary>
    /// The wait of the receive that ends a pass over the dead-letter queue: a short poll samples only some SQS
    /// servers and may come back empty while messages remain; a long poll asks them all and returns at once when any has one.
    /// </summary>
    private const int DrainWaitSeconds = 1;

    private static readonly List<string> ReceiveAttributes =
        [MessageSystemAttributeName.ApproximateReceiveCount, MessageSystemAttributeName.SentTimestamp, MessageSystemAttributeName.ApproximateFirstReceiveTimestamp];

    public async Task SendAsync(OrderQueued message, CancellationToken cancellationToken) =>
        await sqs.SendMessageAsync(
            new SendMessageRequest { QueueUrl = queues.QueueUrl, MessageBody = JsonSerializer.Serialize(message, AwsJson.Default.OrderQueued) },
            cancellationToken);

    /// <remarks>SQS returns at most 10 messages per receive and long-polls at most 20 s; larger asks are capped.</remarks>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var messages = await ReceiveRawAsync(
            queues.QueueUrl,
            Math.Min(maxMessages, MaxBatch),
            Seconds(visibilityTimeout, MaxVisibilitySeconds),
            Seconds(wait, MaxWaitSeconds),
            cancellationToken);
        return messages.Select(m => new QueueMessage(m.MessageId, m.Body, m.ReceiptHandle, ReceiveCount(m), SentAt(m))).ToList();
    }

    public async Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken) =>
        await sqs.DeleteMessageAsync(new DeleteMessageRequest { QueueUrl = queues.QueueUrl, ReceiptHandle = receiptHandle }, cancellationToken);

    public async Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        await sqs.ChangeMessageVisibilityAsync(
            new ChangeMessageVisibilityRequest
            {
                QueueUrl = queues.QueueUrl,
                ReceiptHandle = receiptHandle,
                VisibilityTimeout = Seconds(visibilityTimeout, MaxVisibilitySeconds),
            },
            cancellationToken);

    /// <remarks>
    /// Receives dead letters (hidden while paging, so each is seen once) and makes them visible again at the end.
    /// SQS records no dead-lettering time: <see cref="DeadLetter.DeadLetteredAt"/> is the message's first receive as
    /// SQS reports it, and <see cref="DeadLetter.ReceiveCount"/> the maxReceiveCount it exceeded, since the
    /// dead-letter queue's own count also counts these listings.
    /// </remarks>
    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var held = new Dictionary<string, Message>(StringComparer.Ordinal);
        try
        {
            while (held.Count < limit)
            {
                var batch = await ReceiveDeadLettersAsync(Math.Min(MaxBatch, limit - held.Count), cancellationToken);
                if (!Hold(held, batch, _ => true))
                {
                    break;
                }
            }
        }
        finally
        {
            await ShowAgainAsync(held.Values, cancellationToken);
        }
        return held.Values.Select(m => new DeadLetter(
            m.MessageId,
            m.Body,
            queues.MaxReceiveCount,
            SentAt(m),
            TimestampAttribute(m, MessageSystemAttributeName.ApproximateFirstReceiveTimestamp) ?? SentAt(m))).ToList();
    }

    /// <remarks>
    /// Receive from the dead-letter queue, send to the order queue, delete from the dead-letter queue: a crash
    /// between send and delete redrives a message twice, which the starter's execution name (the order id) absorbs.
    /// The redriven message is a new SQS message with a new id and a receive count of 0.
    /// </remarks>
    public async Task<int> RedriveDeadLettersAsync(IReadOnlyList<string>? messageIds, CancellationToken cancellationToken)
    {
        var chosen = messageIds?.ToHashSet(StringComparer.Ordinal);
        var skipped = new Dictionary<string, Message>(StringComparer.Ordinal);
        var moved = 0;
        try
        {
            while (chosen is null || moved < chosen.Count)
            {
                var batch = await ReceiveDeadLettersAsync(MaxBatch, cancellationToken);
                var toMove = batch.Where(m => chosen is null || chosen.Contains(m.MessageId)).ToList();
                if (!Hold(skipped, batch, m => !toMove.Contains(m)) && toMove.Count == 0)
                {
                    break;
                }
                foreach (var message in toMove)
                {
                    await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queues.QueueUrl, MessageBody = message.Body }, cancellationToken);
                    await sqs.DeleteMessageAsync(
                        new DeleteMessageRequest { QueueUrl = queues.DeadLetterQueueUrl, ReceiptHandle = message.ReceiptHandle },
                        cancellationToken);
                    moved++;
                }
            }
        }
        finally
        {
            await ShowAgainAsync(skipped.Values, cancellationToken);
        }
        return moved;
    }

    /// <summary>Receives dead letters, hiding them for a while so a pass over the queue sees each once.</summary>
    private Task<List<Message>> ReceiveDeadLettersAsync(int max, CancellationToken cancellationToken) =>
        ReceiveRawAsync(queues.DeadLetterQueueUrl, max, BrowseVisibilitySeconds, DrainWaitSeconds, cancellationToken);

    /// <summary>Keeps the newest receipt of each message that <paramref name="keep"/> selects; true if any was new.</summary>
    private static bool Hold(Dictionary<string, Message> held, List<Message> batch, Func<Message, bool> keep)
    {
        var any = false;
        foreach (var message in batch.Where(keep))
        {
            any |= !held.ContainsKey(message.MessageId);
            held[message.MessageId] = message;
        }
        return any;
    }

    private async Task ShowAgainAsync(IEnumerable<Message> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await sqs.ChangeMessageVisibilityAsync(
                new ChangeMessageVisibilityRequest { QueueUrl = queues.DeadLetterQueueUrl, ReceiptHandle = message.ReceiptHandle, VisibilityTimeout = 0 },
                cancellationToken);
        }
    }

    private async Task<List<Message>> ReceiveRawAsync(string queueUrl, int max, int visibilitySeconds, int waitSeconds, CancellationToken cancellationToken)
    {
        var response = await sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = max,
                VisibilityTimeout = visibilitySeconds,
                WaitTimeSeconds = waitSeconds,
                MessageSystemAttributeNames = ReceiveAttributes,
            },
            cancellationToken);
        return response.Messages ?? [];
    }

    private static int Seconds(TimeSpan span, int max) => (int)Math.Clamp(Math.Ceiling(span.TotalSeconds), 0, max);

    private static int ReceiveCount(Message message) =>
        message.Attributes is { } attributes && attributes.TryGetValue(MessageSystemAttributeName.ApproximateReceiveCount, out var count)
            ? int.Parse(count, CultureInfo.InvariantCulture)
            : 1;

    private static DateTimeOffset SentAt(Message message) =>
        TimestampAttribute(message, MessageSystemAttributeName.SentTimestamp) ?? DateTimeOffset.UnixEpoch;

    private static DateTimeOffset? TimestampAttribute(Message message, string name) =>
        message.Attributes is { } attributes && attributes.TryGetValue(name, out var millis)
            ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(millis, CultureInfo.InvariantCulture))
            : null;
}
