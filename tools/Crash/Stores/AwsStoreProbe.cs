using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Crash.Checks;
using StepOrders.Crash.Schedule;
using StepOrders.Orders;

namespace StepOrders.Crash.Stores;

/// <summary>
/// The host on DynamoDB and SQS (<c>--store dynamodb --queue sqs</c>) on dynalite and fauxqs, which this run starts and
/// which outlive every kill of the host, as AWS's services outlive a Lambda. The host creates the tables and queues
/// at its first start; the checks read them whole with scans and the queues' counts.
/// </summary>
internal sealed class AwsStoreProbe : IStoreProbe
{
    private const string Prefix = "crash-";
    private const string QueueName = Prefix + "orders";

    private readonly StandinProcess _dynalite;
    private readonly StandinProcess _fauxqs;
    private readonly AmazonDynamoDBClient _dynamo;
    private readonly AmazonSQSClient _sqs;
    private readonly DynamoDbTables _tables = DynamoDbTables.WithPrefix(Prefix);

    private AwsStoreProbe(StandinProcess dynalite, StandinProcess fauxqs)
    {
        (_dynalite, _fauxqs) = (dynalite, fauxqs);
        var credentials = new BasicAWSCredentials("crash", "crash");
        _dynamo = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        _sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = fauxqs.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
    }

    public IReadOnlyList<string> HostArguments =>
    [
        "--store", "dynamodb", "--dynamodb-endpoint", _dynalite.Endpoint.ToString(), "--table-prefix", Prefix,
        "--queue", "sqs", "--sqs-endpoint", _fauxqs.Endpoint.ToString(), "--queue-name", QueueName,
        // An order stored before a kill cut its queue send off is the reconciler's: after 5 s here rather than 2 minutes.
        "--Reconciler:Grace", "00:00:05", "--Reconciler:Interval", "00:00:02",
    ];

    public static async Task<AwsStoreProbe> StartAsync()
    {
        var dynalite = await StandinProcess.StartDynaliteAsync();
        var fauxqs = await StandinProcess.StartFauxqsAsync();
        return new AwsStoreProbe(dynalite, fauxqs);
    }

    public async Task<(long Unfinished, long Queued)> CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            var orders = await ScanAsync(_tables.Orders, cancellationToken);
            var unfinished = orders.Count(item => item[OrderItem.Sk].S == OrderItem.OrderSk
                && item[OrderItem.Status].S is not ("COMPLETED" or "FAILED"));
            return (unfinished, await QueuedAsync(QueueName, cancellationToken));
        }
        catch (Exception e) when (e is Amazon.DynamoDBv2.Model.ResourceNotFoundException or QueueDoesNotExistException)
        {
            // The first host was killed before it made its tables or queues.
            return (0, 0);
        }
    }

    public async Task<StoreSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshot = new StoreSnapshot();
        foreach (var item in await ScanAsync(_tables.Orders, cancellationToken))
        {
            var orderId = item[OrderItem.OrderId].S;
            switch (item[OrderItem.Sk].S)
            {
                case OrderItem.OrderSk:
                    var order = OrderItem.FromItem(item);
                    snapshot.Orders.Add(orderId, new StoredOrder(orderId, order.CustomerId, order.Status, order.Failure?.Error,
                        [.. order.Lines.Select(line => new PlannedLine(line.Sku, line.Quantity, line.UnitPrice))]));
                    snapshot.History.Add(orderId, [.. order.History.Select((change, seq) => ((long)seq, change.Status))]);
                    break;
                case "PAYMENT":
                    snapshot.Captures.Add(orderId, new StoredCapture(long.Parse(item["captures"].N, CultureInfo.InvariantCulture), item["state"].S == "REFUNDED"));
                    break;
                case InventoryItem.ReservationSk:
                    // A released reservation is deleted; any other state holds its units (SETTLED ones left with the order).
                    snapshot.Reservations.Add(orderId, false);
                    snapshot.ReservationLines.AddRange(item[InventoryItem.Lines].M.Select(line =>
                        (orderId, line.Key, long.Parse(line.Value.N, CultureInfo.InvariantCulture))));
                    break;
            }
        }
        foreach (var item in await ScanAsync(_tables.Inventory, cancellationToken))
        {
            snapshot.Stock.Add(item[InventoryItem.Sku].S, long.Parse(item[InventoryItem.Available].N, CultureInfo.InvariantCulture));
        }
        foreach (var item in await ScanAsync(_tables.Idempotency, cancellationToken))
        {
            snapshot.IdempotencyKeys[ClientKey(item[IdempotencyItem.Key].S)] = item[IdempotencyItem.OrderId].S;
        }
        snapshot.QueuedMessages = await QueuedAsync(QueueName, cancellationToken);
        snapshot.DeadLetters.AddRange(await DeadLettersAsync(cancellationToken));
        return snapshot;
    }

    public async ValueTask DisposeAsync()
    {
        _dynamo.Dispose();
        _sqs.Dispose();
        await _dynalite.DisposeAsync();
        await _fauxqs.DisposeAsync();
    }

    /// <summary>The client's key of an idempotency item's <c>{length}:{scope}:{key}</c>.</summary>
    private static string ClientKey(string stored)
    {
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var scopeLength = int.Parse(stored.AsSpan(0, colon), CultureInfo.InvariantCulture);
        return stored[(colon + 1 + scopeLength + 1)..];
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(string table, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _dynamo.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true }, cancellationToken);
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return items;
    }

    private async Task<long> QueuedAsync(string queueName, CancellationToken cancellationToken)
    {
        var url = (await _sqs.GetQueueUrlAsync(queueName, cancellationToken)).QueueUrl;
        var attributes = await _sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest
            {
                QueueUrl = url,
                AttributeNames = [QueueAttributeName.ApproximateNumberOfMessages, QueueAttributeName.ApproximateNumberOfMessagesNotVisible],
            },
            cancellationToken);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }

    /// <summary>Every message of the dead-letter queue, received under a long visibility timeout so each is read once.</summary>
    private async Task<List<StoredDeadLetter>> DeadLettersAsync(CancellationToken cancellationToken)
    {
        var url = (await _sqs.GetQueueUrlAsync(QueueName + "-dlq", cancellationToken)).QueueUrl;
        var letters = new List<StoredDeadLetter>();
        while (true)
        {
            var received = await _sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest
                {
                    QueueUrl = url,
                    MaxNumberOfMessages = 10,
                    VisibilityTimeout = 3600,
                    WaitTimeSeconds = 0,
                    MessageSystemAttributeNames = ["ApproximateReceiveCount"],
                },
                cancellationToken);
            if (received.Messages is not { Count: > 0 } messages)
            {
                return letters;
            }
            var first = letters.Count + 1;
            letters.AddRange(messages.Select((message, i) => new StoredDeadLetter(
                first + i,
                message.Body,
                int.Parse(message.Attributes?.GetValueOrDefault("ApproximateReceiveCount") ?? "0", CultureInfo.InvariantCulture))));
        }
    }
}
