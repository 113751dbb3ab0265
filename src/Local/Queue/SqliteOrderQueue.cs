using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StepOrders.Local.Data;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Steps;

namespace StepOrders.Local.Queue;

/// <summary>
/// The order queue in SQLite with SQS semantics: a received message is invisible for its visibility timeout and
/// comes back unless deleted; each receive counts, and a message received maxReceiveCount times moves to the
/// dead-letter table on its next receive (SQS redrive policy). Receipt handles name one receive, so a consumer whose
/// message came back and went to another consumer can no longer delete it.
/// </summary>
internal sealed partial class SqliteOrderQueue(
    LocalDatabase database, QueueArrivals arrivals, IOptions<QueueOptions> options, TimeProvider clock, ILogger<SqliteOrderQueue> logger)
    : IOrderQueue
{
    private const string InsertMessage = "INSERT INTO queue_messages (body, sent_at, visible_at) VALUES (@body, @now, @now)";

    private const string FindVisible =
        "SELECT id, body, sent_at, receive_count FROM queue_messages WHERE visible_at <= @now ORDER BY visible_at, id LIMIT @limit";

    private const string MarkReceived = "UPDATE queue_messages SET receive_count = @count, visible_at = @until WHERE id = @id";

    private const string DeadLetter = """
        INSERT INTO dead_letters (id, body, sent_at, receive_count, dead_lettered_at)
        SELECT id, body, sent_at, receive_count, @now FROM queue_messages WHERE id = @id
        """;

    private const string DeleteMessage = "DELETE FROM queue_messages WHERE id = @id";

    private const string DeleteReceived = "DELETE FROM queue_messages WHERE id = @id AND receive_count = @count";

    private const string ChangeVisibility = "UPDATE queue_messages SET visible_at = @until WHERE id = @id AND receive_count = @count";

    private const string NextVisibleAt = "SELECT MIN(visible_at) FROM queue_messages";

    private readonly QueueOptions _options = options.Value;

    /// <summary>Adds a message inside a write that is already running (the intake's transaction).</summary>
    public static void Enqueue(WriteScope scope, string body, DateTimeOffset now) =>
        scope.Command(InsertMessage).Bind("@body", body).Bind("@now", now.ToStored()).ExecuteNonQuery();

    public async Task SendAsync(OrderQueued message, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(message, StepJson.Default.OrderQueued);
        await database.Writer.WriteAsync((body, now: clock.GetUtcNow()), static (scope, send) =>
        {
            Enqueue(scope, send.body, send.now);
            return true;
        }, cancellationToken);
        arrivals.Announce();
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(
        int maxMessages, TimeSpan visibilityTimeout, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            var arrival = arrivals.NextAsync();
            var request = new Receive(maxMessages, visibilityTimeout, _options.MaxReceiveCount, clock.GetUtcNow());
            var (messages, nextVisibleAt, deadLettered) = await database.Writer.WriteAsync(request, static (scope, request) => ReceiveNow(scope, request), cancellationToken);
            foreach (var (id, receiveCount) in deadLettered)
            {
                LogDeadLettered(id, receiveCount, _options.MaxReceiveCount);
            }
            var now = clock.GetUtcNow();
            if (messages.Count > 0 || now >= deadline)
            {
                return messages;
            }
            // Sleep until a message is sent, an invisible one comes back, or the wait is over; never poll in a loop.
            var until = nextVisibleAt is { } visibleAt && visibleAt < deadline ? visibleAt : deadline;
            await WaitForAsync(arrival, until - now, cancellationToken);
        }
    }

    public Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken)
    {
        var receipt = Receipt.Parse(receiptHandle);
        return database.Writer.WriteAsync(receipt, static (scope, receipt) =>
            scope.Command(DeleteReceived).Bind("@id", receipt.MessageId).Bind("@count", receipt.ReceiveCount).ExecuteNonQuery(), cancellationToken);
    }

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var change = (receipt: Receipt.Parse(receiptHandle), until: clock.GetUtcNow() + visibilityTimeout);
        return database.Writer.WriteAsync(change, static (scope, change) =>
            scope.Command(ChangeVisibility)
                .Bind("@id", change.receipt.MessageId)
                .Bind("@count", change.receipt.ReceiveCount)
                .Bind("@until", change.until.ToStored())
                .ExecuteNonQuery(), cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, body, receive_count, sent_at, dead_lettered_at FROM dead_letters ORDER BY dead_lettered_at, id LIMIT @limit";
        command.Parameters.AddWithValue("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1), reader.GetInt32(2), reader.ReadTime(3), reader.ReadTime(4)));
        }
        return letters;
    }

    /// <summary>SQS "start DLQ redrive": the messages go back to the queue as new, with their ids, received 0 times.</summary>
    public Task<int> RedriveDeadLettersAsync(IReadOnlyList<string>? messageIds, CancellationToken cancellationToken)
    {
        var ids = messageIds is null ? null : JsonSerializer.Serialize(messageIds.Select(ParseId).Where(id => id > 0).ToArray(), QueueJson.Default.Int64Array);
        return RedriveAsync(ids, cancellationToken);
    }

    private async Task<int> RedriveAsync(string? idsJson, CancellationToken cancellationToken)
    {
        var which = idsJson is null ? "" : "WHERE id IN (SELECT value FROM json_each(@ids))";
        var moved = await database.Writer.WriteAsync((idsJson, which, now: clock.GetUtcNow()), static (scope, redrive) =>
        {
            var insert = scope.Command($"""
                INSERT INTO queue_messages (id, body, sent_at, visible_at, receive_count)
                SELECT id, body, sent_at, @now, 0 FROM dead_letters {redrive.which}
                """).Bind("@now", redrive.now.ToStored());
            var delete = scope.Command($"DELETE FROM dead_letters {redrive.which}");
            if (redrive.idsJson is not null)
            {
                insert.Bind("@ids", redrive.idsJson);
                delete.Bind("@ids", redrive.idsJson);
            }
            var count = insert.ExecuteNonQuery();
            delete.ExecuteNonQuery();
            return count;
        }, cancellationToken);
        if (moved > 0)
        {
            arrivals.Announce();
        }
        return moved;
    }

    private static (IReadOnlyList<QueueMessage> Messages, DateTimeOffset? NextVisibleAt, List<(long Id, int ReceiveCount)> DeadLettered) ReceiveNow(
        WriteScope scope, Receive request)
    {
        var deadLettered = new List<(long Id, int ReceiveCount)>();
        var now = request.Now.ToStored();
        var until = (request.Now + request.VisibilityTimeout).ToStored();
        var messages = new List<QueueMessage>();
        var candidates = new List<(long Id, string Body, long SentAt, int ReceiveCount)>();
        while (messages.Count < request.MaxMessages)
        {
            candidates.Clear();
            using (var rows = scope.Command(FindVisible).Bind("@now", now).Bind("@limit", request.MaxMessages - messages.Count).ExecuteReader())
            {
                while (rows.Read())
                {
                    candidates.Add((rows.GetInt64(0), rows.GetString(1), rows.GetInt64(2), rows.GetInt32(3)));
                }
            }
            if (candidates.Count == 0)
            {
                break;
            }
            foreach (var (id, body, sentAt, receiveCount) in candidates)
            {
                if (receiveCount >= request.MaxReceiveCount)
                {
                    scope.Command(DeadLetter).Bind("@id", id).Bind("@now", now).ExecuteNonQuery();
                    scope.Command(DeleteMessage).Bind("@id", id).ExecuteNonQuery();
                    deadLettered.Add((id, receiveCount));
                    continue;
                }
                scope.Command(MarkReceived).Bind("@id", id).Bind("@count", receiveCount + 1).Bind("@until", until).ExecuteNonQuery();
                var receipt = new Receipt(id, receiveCount + 1);
                messages.Add(new QueueMessage(receipt.MessageIdText, body, receipt.ToString(), receipt.ReceiveCount, new DateTimeOffset(sentAt, TimeSpan.Zero)));
            }
        }
        if (messages.Count > 0)
        {
            return (messages, null, deadLettered);
        }
        var next = scope.Command(NextVisibleAt).ExecuteScalar();
        return (messages, next is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null, deadLettered);
    }

    private async Task WaitForAsync(Task arrival, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeout = Task.Delay(delay, clock, stop.Token);
        await Task.WhenAny(arrival, timeout);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(LogLevel.Warning,
        "Queue message {MessageId} was received {ReceiveCount} times (maxReceiveCount {MaxReceiveCount}) without being handled; moved it to the dead-letter queue (GET /admin/dead-letters, POST /admin/dead-letters/redrive)")]
    private partial void LogDeadLettered(long messageId, int receiveCount, int maxReceiveCount);

    private static long ParseId(string messageId) =>
        long.TryParse(messageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private sealed record Receive(int MaxMessages, TimeSpan VisibilityTimeout, int MaxReceiveCount, DateTimeOffset Now);

    /// <summary>A receipt handle: the message and which receive of it (<c>id.count</c>).</summary>
    private readonly record struct Receipt(long MessageId, int ReceiveCount)
    {
        public string MessageIdText => MessageId.ToString(CultureInfo.InvariantCulture);

        public static Receipt Parse(string handle)
        {
            var dot = handle.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0
                && long.TryParse(handle.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && int.TryParse(handle.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return new Receipt(id, count);
            }
            throw new ArgumentException($"'{handle}' is not a receipt handle of this queue.", nameof(handle));
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MessageId}.{ReceiveCount}");
    }
}
